// The declared content type checked against the bytes (a PDF served as text/html, …).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace bidrag::fetch::detail {

// What the bytes show unmistakably: "application/pdf" ("%PDF-" in the first KiB), "text/html"
// (a doctype or <html> first); "" when they show nothing definite (plain text, unknown).
[[nodiscard]] std::string sniff_media_type(std::string_view bytes);

struct TypeCheck {
  std::string content_type;         // what the snapshot keeps
  std::optional<std::string> note;  // "declared text/html but the bytes are application/pdf"
};

// The declared type wins unless the bytes clearly show another one; an empty declaration
// takes the sniffed type silently.
[[nodiscard]] TypeCheck check_content_type(std::string_view declared, std::string_view bytes);

// A content type for a local file from its extension ("" when unknown).
[[nodiscard]] std::string media_type_of_path(std::string_view path);

}  // namespace bidrag::fetch::detail
