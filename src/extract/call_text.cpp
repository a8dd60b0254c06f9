// The verbatim parts of a call: purpose, eligibility, applicant types, conditions, steps,
// reporting, how to apply, amounts; and the funder.
#include <algorithm>
#include <set>

#include "bidrag/common/slug.h"
#include "bidrag/normalize/amounts.h"
#include "extract/call_parts.h"

namespace bidrag::extract {
namespace {

using doc::BlockKind;

bool is_text_block(const doc::Block& b) { return b.kind == BlockKind::paragraph || b.kind == BlockKind::list_item; }

std::vector<std::string> slug_words(std::string_view text) {
  std::vector<std::string> out;
  const std::string s = slugify(text);
  std::size_t i = 0;
  while (i < s.size()) {
    auto dash = s.find('-', i);
    out.push_back(s.substr(i, dash == std::string::npos ? std::string::npos : dash - i));
    if (dash == std::string::npos) break;
    i = dash + 1;
  }
  return out;
}

// Applicant types by word: "kommuner", "kommunerna" → kommun.
std::vector<std::string> applicant_types(std::string_view text) {
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kTypes{
      {"kommun", {"kommun", "kommuner", "kommunerna", "kommunen"}},
      {"region", {"region", "regioner", "regionerna", "regionen"}},
      {"ideell förening", {"forening", "foreningar", "foreningarna", "ideella"}},
      {"organisation", {"organisation", "organisationer", "organisationerna"}},
      {"myndighet", {"myndighet", "myndigheter", "myndigheterna"}},
      {"företag", {"foretag", "foretagen"}},
      {"stiftelse", {"stiftelse", "stiftelser"}},
      {"trossamfund", {"trossamfund"}},
  };
  const auto words = slug_words(text);
  std::vector<std::string> out;
  for (const auto& [type, forms] : kTypes) {
    for (const auto& w : words) {
      if (std::find(forms.begin(), forms.end(), w) != forms.end()) {
        out.emplace_back(type);
        break;
      }
    }
  }
  return out;
}

// A step's text without the link lines that close it ("… en månad. Läs mer om ombudsansökan").
std::string step_text(const doc::Block& b) {
  std::string text = b.text;
  for (auto it = b.links.rbegin(); it != b.links.rend(); ++it) {
    const std::string& lt = it->text;
    if (lt.empty() || text.size() <= lt.size() || text.compare(text.size() - lt.size(), lt.size(), lt) != 0) continue;
    const std::string before = text.substr(0, text.size() - lt.size());
    const auto end = before.find_last_not_of(' ');
    if (end != std::string::npos && std::string_view(".!?:").find(before[end]) != std::string_view::npos)
      text = before.substr(0, end + 1);
  }
  return text;
}

class TextFinder {
 public:
  explicit TextFinder(const Page& page) : page_(page) {}

  Texts run() {
    purpose();
    eligibility();
    steps();
    conditions();
    reporting();
    application();
    amounts();
    return std::move(out_);
  }

 private:
  void purpose() {
    for (const auto& s : page_.sentences()) {
      const std::string f = fold(s.text);
      if (f.rfind("syftet med", 0) == 0 || f.rfind("syftet är", 0) == 0 || f.rfind("bidraget syftar", 0) == 0 ||
          f.rfind("statsbidraget syftar", 0) == 0) {
        out_.purpose = s.text;
        return;
      }
    }
    if (auto h = page_.find_heading({"syfte"})) {
      for (auto i : page_.section_blocks(*h))
        if (is_text_block(page_.blocks()[i])) {
          out_.purpose = split_sentences(page_.blocks()[i].text).front();
          return;
        }
    }
  }

  void eligibility() {
    auto h = page_.find_heading({"kan rekvirera", "kan ansöka", "kan söka", "vem får", "vilka får", "målgrupp",
                                 "vem kan", "vilka kan", "vem riktar", "vilka omfattas"});
    if (!h) return;
    for (auto i : page_.section_blocks(*h)) {
      if (!is_text_block(page_.blocks()[i])) continue;
      out_.eligibility = page_.blocks()[i].text;
      out_.applicant_types = applicant_types(page_.blocks()[i].text);
      return;
    }
  }

  // The first ordered list: numbered items 1, 2, … in a row.
  void steps() {
    const auto& blocks = page_.blocks();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].kind != BlockKind::list_item || blocks[i].ordinal != 1) continue;
      int expect = 1;
      for (std::size_t j = i; j < blocks.size(); ++j) {
        const auto& b = blocks[j];
        if (b.kind == BlockKind::link) continue;  // a link line between steps (plain text, PDF)
        // One short line between two steps whose numbering goes on right after it is an
        // aside of the step above ("Läs mer om …" printed under it), not the list's end.
        if (b.kind != BlockKind::list_item && b.text.size() < 80 && j + 1 < blocks.size() &&
            blocks[j + 1].kind == BlockKind::list_item && blocks[j + 1].ordinal == expect) {
          continue;
        }
        if (b.kind != BlockKind::list_item || b.ordinal != expect) break;
        out_.steps.push_back(step_text(b));
        step_blocks_.insert(j);
        ++expect;
      }
      return;
    }
  }

  // The conditions: the opening paragraphs of a "Villkor" section (up to a paragraph that
  // introduces a list, or the list), then every other sentence that speaks of "villkor" or
  // of paying back.
  void conditions() {
    std::set<std::size_t> taken;
    if (auto h = page_.find_heading({"villkor"})) {
      for (auto i : page_.section_blocks(*h)) {
        const auto& b = page_.blocks()[i];
        if (b.kind != BlockKind::paragraph) break;
        if (!b.text.empty() && b.text.back() == ':') break;
        taken.insert(i);
      }
    }
    for (const auto& s : page_.sentences()) {
      const auto& b = page_.blocks()[s.block];
      if (b.kind == BlockKind::fact || step_blocks_.count(s.block)) continue;
      const std::string f = fold(s.text);
      if (taken.count(s.block) || has_any(f, {"villkor", "ska återbetalas", "återbetalningsskyldig"}))
        out_.conditions.push_back(s.text);
    }
  }

  void reporting() {
    for (const auto& s : page_.sentences()) {
      const std::string f = fold(s.text);
      if (!out_.signed_original_required &&
          has_any(f, {"underskrivet original", "underskriven", "undertecknad", "undertecknat", "i original"})) {
        out_.signed_original_required = !has_any(f, {"behöver inte", "ska inte", "behövs inte", "inte skickas"});
      }
      if (!out_.reporting_method && has_any(f, {"återrapport", "redovis"})) {
        // "ett webbaserat återrapporteringsformulär": the form, with its adjective.
        const auto at = f.find("formulär");
        if (at != std::string::npos) {
          auto start = f.rfind(' ', at);
          start = start == std::string::npos ? 0 : start + 1;
          if (start >= 2) {
            const auto prev = f.rfind(' ', start - 2);
            const std::string adjective = f.substr(prev == std::string::npos ? 0 : prev + 1, start - 1 - (prev == std::string::npos ? 0 : prev + 1));
            if (adjective.size() > 3 && (adjective.ends_with("at") || adjective.ends_with("t"))) start = prev + 1;
          }
          const auto end = f.find_first_of(" ,.", at);
          out_.reporting_method = f.substr(start, end == std::string::npos ? std::string::npos : end - start);
        }
      }
    }
  }

  void application() {
    std::string all;
    for (std::size_t i = 0; i < page_.blocks().size(); ++i) all += fold(page_.text_of(i)) + "\n";
    if (has_any(all, {"rekvirera", "rekvisition"})) out_.application_type = "rekvisition";
    else if (has_any(all, {"ansök", "ansökan"})) out_.application_type = "ansökan";
    if (has_any(all, {"e-tjänst", "etjänst"})) out_.application_channel = "e-tjänst";
  }

  void amounts() {
    for (const auto& s : page_.sentences()) {
      const std::string f = fold(s.text);
      const auto found = normalize::find_amounts(s.text);
      if (found.empty()) continue;
      if (!out_.max_amount && has_any(f, {"högst", "maximalt", "max ", "upp till"})) {
        out_.max_amount = record::Amount{found.front().ore, found.front().currency};
        const auto per = f.find(" per ");
        if (per != std::string::npos) {
          auto end = f.find_first_of(" ,.", per + 5);
          out_.max_amount_per = f.substr(per + 5, end == std::string::npos ? std::string::npos : end - per - 5);
        }
      } else if (!out_.total_budget && has_any(f, {"totalt", "sammanlagt", "avsatt", "fördelas", "budget", "omfattar"})) {
        out_.total_budget = record::Amount{found.front().ore, found.front().currency};
      }
    }
  }

  const Page& page_;
  Texts out_;
  std::set<std::size_t> step_blocks_;
};

}  // namespace

Texts find_texts(const Page& page) { return TextFinder(page).run(); }

}  // namespace bidrag::extract
