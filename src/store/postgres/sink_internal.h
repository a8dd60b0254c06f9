// Internals of the PostgreSQL sink shared with its tests.
#pragma once
#include <string>
#include <vector>

namespace bidrag::store::postgres {

// The statements that fill the typed tables from the versions added in this transaction.
[[nodiscard]] std::vector<std::string> typed_inserts(const std::string& schema);

}  // namespace bidrag::store::postgres
