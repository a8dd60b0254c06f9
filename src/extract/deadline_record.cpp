#include "extract/deadline_record.h"

#include <utility>

#include "bidrag/record/ids.h"

namespace bidrag::extract {

record::Deadline deadline_record(const std::string& call_id, record::DeadlineKind kind, const Date& date,
                                 const std::optional<std::string>& time, const std::string& text, record::Source source) {
  record::Deadline r;
  r.id = record::deadline_id(call_id, record::to_string(kind));
  r.call_id = call_id;
  r.source = std::move(source);
  r.kind = kind;
  r.date = date;
  r.time = time;
  r.text = text;
  return r;
}

}  // namespace bidrag::extract
