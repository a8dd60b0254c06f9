# Writes IN as a C++ string_view named SYMBOL into OUT (run by bidrag_embed at build time).
# Hex bytes rather than a raw string literal: any file content is safe, whatever it contains.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR size "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUT}" "// Generated from ${IN} by cmake/embed.cmake; do not edit.\n#include <string_view>\nnamespace bidrag::embedded {\nstatic const char data_[] = {${bytes} 0};\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL}{data_, ${size}};\n}\n")
