#include "report/words.h"

#include "bidrag/diff/money.h"

namespace bidrag::report {

std::string deadline_change(const DeadlineChange& d) {
  return d.change == diff::Change::Kind::changed ? "moved" : diff::to_string(d.change);
}

std::string status_change(const StatusChange& s) {
  if (s.to == "open") return "opened";
  if (s.to == "closed") return "closed";
  if (s.to == "upcoming") return "upcoming";
  return "status not stated";
}

std::string kronor(const std::optional<std::int64_t>& ore) { return ore ? diff::kronor_display(*ore) : std::string(); }

std::string signed_kronor(std::int64_t ore) { return (ore > 0 ? "+" : "") + diff::kronor_display(ore); }

std::string when(const std::string& t) {
  if (t.size() < 16 || t[10] != 'T') return t;
  return t.substr(0, 10) + " " + t.substr(11, 5) + " UTC";
}

}  // namespace bidrag::report
