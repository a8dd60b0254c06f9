// The JSON form of a diff, written with RapidJSON: one change object per line inside an array.
#include "bidrag/diff/money.h"
#include "bidrag/diff/render.h"

namespace bidrag::diff {

std::string render_json(const std::vector<Change>& changes) {
  std::string out = "[";
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const Change& c = changes[i];
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    const auto str = [&w](const char* key, const std::string& v) {
      w.Key(key);
      w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    };
    str("series", c.series);
    str("path", c.path);
    str("kind", to_string(c.kind));
    if (!c.label.empty()) str("label", c.label);
    w.Key("old");
    write_json(w, c.old_value);
    w.Key("new");
    write_json(w, c.new_value);
    if (c.days) {
      w.Key("days");
      w.Int64(*c.days);
    }
    if (c.delta_ore) {
      w.Key("delta");
      const std::string d = kronor_number(*c.delta_ore);
      w.RawValue(d.data(), d.size(), rapidjson::kNumberType);
      w.Key("percent");
      if (c.percent) {
        w.RawValue(c.percent->data(), c.percent->size(), rapidjson::kNumberType);
      } else {
        w.Null();
      }
    }
    if (!c.words.empty()) str("words", wdiff_string(c.words));
    w.EndObject();
    out += i == 0 ? "\n" : ",\n";
    out.append(sb.GetString(), sb.GetSize());
  }
  out += changes.empty() ? "]\n" : "\n]\n";
  return out;
}

}  // namespace bidrag::diff
