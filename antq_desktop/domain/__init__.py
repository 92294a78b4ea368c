"""Domain: enums, value checks, Vietnamese text rules, identifiers and clocks. No I/O, no Qt."""
