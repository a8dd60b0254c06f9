// Parsing: a snapshot's bytes to the common document model. Parsers are chosen by name
// from the content (%PDF-, markup) and the declared type, not from the file name alone.
#pragma once
#include <string_view>

#include "bidrag/common/snapshot.h"
#include "bidrag/document/document.h"

namespace bidrag::parse {

// Decides the format from the bytes first (%PDF-, markup), then the declared content type,
// then the URL's extension. Never fails: plain text is the fallback.
[[nodiscard]] doc::Format sniff_format(const Snapshot& s);

// Parses with the parser for sniff_format(s). Throws bidrag::Error naming the source and the
// place (page, line) when the document cannot be read (encrypted, truncated, no text layer).
[[nodiscard]] doc::Document parse(const Snapshot& s);

[[nodiscard]] doc::Document parse_html(const Snapshot& s);
[[nodiscard]] doc::Document parse_text(const Snapshot& s);
[[nodiscard]] doc::Document parse_pdf(const Snapshot& s);

}  // namespace bidrag::parse
