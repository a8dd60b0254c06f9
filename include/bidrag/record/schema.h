// The published JSON Schema (schemas/records.schema.json, draft-04), compiled into the
// binary, and validation of emitted records against it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bidrag::record {

// The schema text exactly as in schemas/records.schema.json.
[[nodiscard]] std::string_view schema_text() noexcept;

// Validates one record (one JSON object as text). Returns nullopt when it is valid, else a
// message that names the record type and the offending field, e.g.
// "ceiling record: /municipality/code: does not match the pattern ^[0-9]{4}$".
[[nodiscard]] std::optional<std::string> validate_record(std::string_view json);

}  // namespace bidrag::record
