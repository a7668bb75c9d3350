package io.switchboard.routing.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.contracts.Json;
import io.switchboard.routing.classification.LabelledContact.Split;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The labelled data set bundled with the engine ({@value #RESOURCE}, one JSON object per line). */
public final class LabelledContacts {

    public static final String RESOURCE = "classification/contacts.jsonl";

    private final List<LabelledContact> contacts;

    private LabelledContacts(List<LabelledContact> contacts) {
        this.contacts = List.copyOf(contacts);
    }

    public static LabelledContacts bundled() {
        ObjectMapper mapper = Json.mapper();
        List<LabelledContact> contacts = new ArrayList<>();
        try (InputStream in = LabelledContacts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    contacts.add(mapper.readValue(line, LabelledContact.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new LabelledContacts(contacts);
    }

    public List<LabelledContact> all() {
        return contacts;
    }

    public List<LabelledContact> part(Split split) {
        return contacts.stream().filter(contact -> contact.split() == split).toList();
    }
}
