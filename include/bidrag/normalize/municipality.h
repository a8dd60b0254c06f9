// The registry of Sweden's 290 municipalities (data/kommuner.csv, compiled in) and the
// resolution of printed names to SCB codes.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bidrag::normalize {

struct Municipality {
  std::string code;         // SCB kommunkod, "0181"
  std::string name;         // "Södertälje"
  std::string county_code;  // "01"
  std::string county;       // "Stockholms län"
};

struct MunicipalityMatch {
  const Municipality* municipality = nullptr;  // null when unresolved
  std::vector<std::string> warnings;           // e.g. "'Malmo' read as 'Malmö' (missing å/ä/ö)"
  std::optional<std::string> error;            // when unresolved: "no municipality named 'X'"
};

class Registry {
 public:
  [[nodiscard]] static const Registry& instance();
  [[nodiscard]] const std::vector<Municipality>& all() const noexcept;
  [[nodiscard]] const Municipality* by_code(std::string_view code) const noexcept;
  // Exact names, case/spacing variants, "kommun"/"stad"/genitive forms, "Region Gotland",
  // footnote markers ("Södertälje*", "Stockholm¹", "Malmö 1)"), and misspellings only where
  // exactly one municipality is near.
  [[nodiscard]] MunicipalityMatch resolve(std::string_view printed) const;
  // The county name for a county code ("01" → "Stockholms län"), or nullptr.
  [[nodiscard]] const std::string* county_name(std::string_view county_code) const noexcept;
  // The county code for a printed county name ("Stockholms län", "Stockholm län"), or nullptr.
  [[nodiscard]] const std::string* county_code(std::string_view printed) const noexcept;

 private:
  Registry();
  std::vector<Municipality> all_;
};

}  // namespace bidrag::normalize
