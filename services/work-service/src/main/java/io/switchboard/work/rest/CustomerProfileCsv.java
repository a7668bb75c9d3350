package io.switchboard.work.rest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.switchboard.work.model.CustomerProfile;
import io.switchboard.work.service.WorkRequestRejected;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The profile import's CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) with the header
 * {@code customerKey,name,segment,products}; products separated by {@code ;}.
 */
final class CustomerProfileCsv {

    static final List<String> HEADER = List.of("customerKey", "name", "segment", "products");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private CustomerProfileCsv() {
    }

    static List<CustomerProfile> parse(String csv) {
        List<String[]> rows = rows(csv == null ? "" : csv);
        if (rows.isEmpty() || !Arrays.stream(rows.get(0)).map(String::trim).toList().equals(HEADER)) {
            throw WorkRequestRejected.invalid("the first record must be the header " + String.join(",", HEADER));
        }
        List<CustomerProfile> profiles = new ArrayList<>();
        for (int number = 2; number <= rows.size(); number++) {
            String[] fields = rows.get(number - 1);
            if (fields.length != HEADER.size() || fields[0].isBlank() || fields[2].isBlank()) {
                throw WorkRequestRejected.invalid("record " + number + " needs " + String.join(", ", HEADER)
                        + " (customerKey and segment not empty)");
            }
            CustomerProfile profile = new CustomerProfile();
            profile.customerKey = fields[0].trim();
            profile.name = fields[1].trim();
            profile.segment = fields[2].trim();
            profile.products = Arrays.stream(fields[3].split(";")).map(String::trim).filter(p -> !p.isEmpty()).toList();
            profiles.add(profile);
        }
        return profiles;
    }

    private static List<String[]> rows(String csv) {
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(csv)) {
            return rows.readAll();
        } catch (IOException | RuntimeException e) {
            throw WorkRequestRejected.invalid("not readable as CSV: " + e.getMessage());
        }
    }
}
