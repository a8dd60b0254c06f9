// The verbatim parts of a call: purpose, eligibility, applicant types, conditions, steps,
// reporting, how to apply, amounts; and the funder.
#include <algorithm>
#include <set>

#include "bidrag/common/slug.h"
#include "bidrag/normalize/amounts.h"
#include "bidrag/normalize/contact.h"
#include "bidrag/normalize/text.h"
#include "bidrag/vocab/vocab.h"
#include "extract/call_parts.h"

namespace bidrag::extract {
namespace {

using doc::BlockKind;

bool is_text_block(const doc::Block& b) { return b.kind == BlockKind::paragraph || b.kind == BlockKind::list_item; }

// Applicant types in the order the sentence names them ("Regioner, kommuner och …" → region,
// kommun); a word inside a longer phrase already read counts no more ("aktörer som främjar
// företag" is one type, not also företag).
// "Kommunala och fristående huvudmän": a two-word type ("kommunala huvudmän") whose first word
// stands before a conjunction (or a comma) and whose last word comes at most four words later
// ("kommunala, regionala och fristående huvudmän") is named there too, its noun printed once.
void add_elided(std::string_view text, std::vector<vocab::Match>& matches) {
  const std::string folded = vocab::fold(text);
  struct Word {
    std::size_t begin, end;
  };
  std::vector<Word> words;  // words and commas, in order
  for (std::size_t i = 0; i < folded.size();) {
    if (folded[i] == ' ') {
      ++i;
    } else if (folded[i] == ',') {
      words.push_back({i, i + 1});
      ++i;
    } else {
      std::size_t e = i;
      while (e < folded.size() && folded[e] != ' ' && folded[e] != ',') ++e;
      words.push_back({i, e});
      i = e;
    }
  }
  const auto word = [&](std::size_t k) { return std::string_view(folded).substr(words[k].begin, words[k].end - words[k].begin); };
  const auto& conjunctions = vocab::set("coordinating_conjunction");
  for (const vocab::Entry* e : vocab::set("applicant_type").entries()) {
    const std::size_t space = e->folded.find(' ');
    if (e->prefix || space == std::string::npos || e->folded.find(' ', space + 1) != std::string::npos) continue;
    const std::string_view first = std::string_view(e->folded).substr(0, space), last = std::string_view(e->folded).substr(space + 1);
    for (std::size_t k = 0; k + 2 < words.size(); ++k) {
      if (word(k) != first || !(word(k + 1) == "," || conjunctions.equals(word(k + 1)))) continue;
      for (std::size_t j = k + 2; j < words.size() && j <= k + 5; ++j) {
        if (word(j) != last) continue;
        matches.push_back(vocab::Match{e, words[k].begin, words[k].end});
        break;
      }
    }
  }
}

std::vector<std::string> applicant_types(std::string_view text) {
  std::vector<std::string> out;
  std::vector<vocab::Match> matches = vocab::set("applicant_type").all(text);
  add_elided(text, matches);
  // At one position the longest phrase wins.
  std::stable_sort(matches.begin(), matches.end(), [](const vocab::Match& a, const vocab::Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::size_t covered = 0;
  for (const auto& m : matches) {
    if (m.begin < covered) continue;
    covered = m.end;
    if (std::find(out.begin(), out.end(), m.meaning()) == out.end()) out.push_back(m.meaning());
  }
  return out;
}

// The first heading whose text holds a `section_heading` cue with this meaning. Where the
// capture lost the heading markup (copied text, a PDF print), a short line that asks the
// section's question ("VEM KAN SÖKA?") or is the cue itself ("Målgrupp") stands in for it.
// A heading whose section holds no text (a table row taken for a heading in a text dump) is
// passed over.
std::optional<std::size_t> heading_for(const Page& page, std::string_view meaning) {
  const auto& headings = vocab::set("section_heading");
  const auto has_text = [&](std::size_t h) {
    for (auto i : page.section_blocks(h))
      if (is_text_block(page.blocks()[i])) return true;
    return false;
  };
  for (std::size_t i = 0; i < page.blocks().size(); ++i) {
    const auto& b = page.blocks()[i];
    bool candidate = b.kind == BlockKind::heading && headings.in(meaning, b.text);
    if (!candidate && b.kind == BlockKind::paragraph && b.text.size() <= 80) {
      const bool question = b.text.back() == '?' && headings.in(meaning, b.text);
      const auto whole = headings.equals(b.text);
      candidate = question || (whole && whole->meaning() == meaning);
    }
    if (candidate && has_text(i)) return i;
  }
  return std::nullopt;
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
      if (vocab::set("purpose_start").starts(s.text)) {
        out_.purpose = s.text;
        return;
      }
    }
    if (auto h = heading_for(page_, "purpose")) {
      for (auto i : page_.section_blocks(*h))
        if (is_text_block(page_.blocks()[i])) {
          out_.purpose = split_sentences(page_.blocks()[i].text).front();
          return;
        }
    }
    // "Utlysningen ska ge unga …", "Bidraget ska hjälpa kommunerna …": the grant as subject,
    // a verb of aim.
    for (const auto& s : page_.sentences()) {
      if (page_.blocks()[s.block].kind == BlockKind::fact) continue;
      const auto subject = vocab::set("purpose_subject").starts(s.text);
      if (!subject) continue;
      const std::string rest = vocab::fold(s.text).substr(subject->end);
      if (vocab::set("purpose_verb").starts(rest)) {
        out_.purpose = s.text;
        return;
      }
    }
  }

  // Who may apply: the first sentence under a "Vem kan söka?" heading, else the value of a
  // "Behörighet:" fact (a label/value table's row gives the applicant types only); the applicant
  // types are read from that sentence only ("… men kan inte söka själva" after it names the ones
  // who may not).
  void eligibility() {
    if (auto h = heading_for(page_, "eligibility")) {
      for (auto i : page_.section_blocks(*h)) {
        if (!is_text_block(page_.blocks()[i])) continue;
        set_eligibility(split_sentences(page_.blocks()[i].text).front());
        return;
      }
    }
    for (const auto& b : page_.blocks()) {
      if (b.kind == BlockKind::fact && !b.value.empty() && vocab::set("fact_label").in("eligibility", b.text)) {
        set_eligibility(split_sentences(b.value).front());
        return;
      }
    }
    // A label/value table's row ("Vem kan söka | Kommunala och fristående huvudmän") names the
    // applicant types; its cell is no sentence to quote as the eligibility.
    for (const auto& st : page_.statements()) {
      if (st.labelled && !st.value.empty() && page_.blocks()[st.block].kind == BlockKind::table &&
          vocab::set("fact_label").in("eligibility", st.label)) {
        out_.applicant_types = applicant_types(st.value);
        return;
      }
    }
    // No section or fact says it: the first sentence that does ("Kommuner kan söka stöd för …"
    // in the lead) names the applicant types; it is not quoted as the eligibility, which is the
    // who-may-apply section's.
    for (const auto& s : page_.sentences()) {
      if (!is_text_block(page_.blocks()[s.block]) || !vocab::set("applicant_phrase").in(s.text)) continue;
      if (auto types = applicant_types(s.text); !types.empty()) {
        out_.applicant_types = std::move(types);
        return;
      }
    }
  }
  void set_eligibility(std::string sentence) {
    out_.applicant_types = applicant_types(sentence);
    out_.eligibility = std::move(sentence);
  }

  // The first ordered list: numbered items 1, 2, … in a row. A numbered list of addresses (a
  // text browser's "References" at the end of a dump) is not a list of steps.
  void steps() {
    const auto& blocks = page_.blocks();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].kind != BlockKind::list_item || blocks[i].ordinal != 1) continue;
      if (blocks[i].text.find("://") != std::string::npos && blocks[i].text.find(' ') == std::string::npos) continue;
      int expect = 1;
      std::vector<std::size_t> items;
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
        items.push_back(j);
        ++expect;
      }
      // A numbered breadcrumb (a text browser numbers "Start /", "Bidrag /", then the page's own
      // title) is no list of steps.
      if (items.size() >= 2 &&
          std::all_of(items.begin(), items.end() - 1, [&](std::size_t j) { return breadcrumb_item(blocks[j].text); }))
        continue;
      take_steps(items);
      return;
    }
    // No numbered list: paragraphs that number themselves in a row ("Steg 1. Kontrollera …",
    // "Steg 2. Fyll i …"; the word is the vocabulary's step_word).
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (step_number(blocks[i].text) != 1) continue;
      // Lines of a text capture joined into one paragraph: "Steg 1. … Steg 2. … Steg 3. …".
      if (const auto parts = numbered_parts(blocks[i].text); parts.size() >= 2) {
        out_.steps = parts;
        step_blocks_.insert(i);
        return;
      }
      std::vector<std::size_t> items{i};
      for (std::size_t j = i + 1; j < blocks.size() && step_number(blocks[j].text) == static_cast<int>(items.size()) + 1; ++j)
        items.push_back(j);
      if (items.size() < 2) continue;
      take_steps(items);
      return;
    }
  }
  void take_steps(const std::vector<std::size_t>& items) {
    for (const std::size_t j : items) {
      out_.steps.push_back(step_text(page_.blocks()[j]));
      step_blocks_.insert(j);
    }
  }
  // "Steg 1. a Steg 2. b": the parts from each "Steg N" (N = 1, 2, … in turn) to the next.
  static std::vector<std::string> numbered_parts(const std::string& text) {
    std::vector<std::size_t> starts{0};
    for (int n = 2;; ++n) {
      std::size_t found = std::string::npos;
      for (const vocab::Entry* e : vocab::set("step_word").entries()) {
        for (std::size_t from = starts.back() + 1; from < text.size() && found == std::string::npos;) {
          const std::size_t at = normalize::find_ci(std::string_view(text).substr(from), e->folded);
          if (at == std::string::npos) break;
          const std::size_t k = from + at;
          if ((text[k - 1] == ' ' || text[k - 1] == '\n') && step_number(std::string_view(text).substr(k)) == n) found = k;
          from = k + 1;
        }
      }
      if (found == std::string::npos) break;
      starts.push_back(found);
    }
    std::vector<std::string> parts;
    if (starts.size() < 2) return parts;
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : text.size();
      parts.push_back(normalize::fold_spaces(text.substr(starts[k], end - starts[k])));
    }
    return parts;
  }
  static bool breadcrumb_item(std::string_view text) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return !text.empty() && (text.back() == '/' || text.back() == '>' || text.ends_with("\u203A"));
  }
  // N for a text that starts "Steg N" (then a full stop, a colon or a space); 0 otherwise.
  static int step_number(std::string_view text) {
    // Only the start is read ("Steg 12."): every block is asked, so its whole text is not folded.
    text = text.substr(0, 24);
    const auto word = vocab::set("step_word").starts(text);
    if (!word) return 0;
    const std::string folded = vocab::fold(text);
    std::size_t k = word->end;
    while (k < folded.size() && folded[k] == ' ') ++k;
    int n = 0;
    const std::size_t digits_from = k;
    while (k < folded.size() && k - digits_from < 3 && folded[k] >= '0' && folded[k] <= '9') n = n * 10 + (folded[k++] - '0');
    if (k == digits_from || (k < folded.size() && folded[k] != '.' && folded[k] != ':' && folded[k] != ' ')) return 0;
    return n;
  }

  // The conditions: the text of a "Villkor" section (paragraphs and bullet items, up to a
  // paragraph that introduces a list or the numbered steps), then every other sentence that
  // states a condition ("… ska återbetalas", "Ett villkor är att …").
  void conditions() {
    std::set<std::size_t> taken;
    if (auto h = heading_for(page_, "conditions")) {
      for (auto i : page_.section_blocks(*h)) {
        const auto& b = page_.blocks()[i];
        if (b.kind == BlockKind::link) continue;
        const bool bullet = b.kind == BlockKind::list_item && b.ordinal == 0;
        if (b.kind != BlockKind::paragraph && !bullet) break;
        if (!b.text.empty() && b.text.back() == ':') break;
        taken.insert(i);
      }
    }
    const auto& cues = vocab::set("condition_sentence");
    for (const auto& s : page_.sentences()) {
      const auto& b = page_.blocks()[s.block];
      if (b.kind == BlockKind::fact || step_blocks_.count(s.block)) continue;
      if (taken.count(s.block) || cues.in(s.text)) out_.conditions.push_back(s.text);
    }
  }

  // Reporting: whether a signed original must be sent ("… ska även skickas in som underskrivet
  // original"; "En undertecknad version behöver inte skickas in" is false), and the form it is
  // made in ("ett webbaserat återrapporteringsformulär": the compound with its adjective).
  void reporting() {
    const auto& signed_cues = vocab::set("signed_original");
    const auto& negations = vocab::set("negation");
    for (const auto& s : page_.sentences()) {
      const std::string f = vocab::fold(s.text);
      if (!out_.signed_original_required && signed_cues.in(f)) out_.signed_original_required = !negations.in(f);
      if (!out_.reporting_method && vocab::set("deadline_topic").in("report", f)) {
        for (const auto* form : vocab::set("reporting_form").entries()) {
          // A compound's last part ("…formulär"), so a plain substring, not a word start.
          const auto at = f.find(form->folded);
          if (at == std::string::npos) continue;
          auto start = f.rfind(' ', at);
          start = start == std::string::npos ? 0 : start + 1;
          if (start >= 2) {
            const auto prev = f.rfind(' ', start - 2);
            const std::string adjective = f.substr(prev == std::string::npos ? 0 : prev + 1, start - 1 - (prev == std::string::npos ? 0 : prev + 1));
            if (adjective.size() > 3 && (adjective.ends_with("at") || adjective.ends_with("t"))) start = prev + 1;
          }
          const auto end = f.find_first_of(" ,.", at);
          out_.reporting_method = f.substr(start, end == std::string::npos ? std::string::npos : end - start);
          break;
        }
      }
    }
  }

  void application() {
    std::string all;
    for (std::size_t i = 0; i < page_.blocks().size(); ++i) all += page_.text_of(i) + "\n";
    // File order puts requisition first: a page that speaks of rekvirera is a requisition.
    if (const auto m = vocab::set("application_type").find(all)) out_.application_type = m->meaning();
    if (const auto m = vocab::set("application_channel").find(all)) {
      out_.application_channel = m->meaning();
      return;
    }
    for (const auto& s : page_.sentences()) {
      // "Ansök i Prisma": the phrase as a word of its own, and a name after it (a capital letter).
      const std::string line = normalize::fold_spaces(s.text);
      for (const vocab::Entry* e : vocab::set("application_in_system").entries()) {
        for (std::size_t from = 0; from < line.size();) {
          const std::size_t at = normalize::find_ci(std::string_view(line).substr(from), e->folded);
          if (at == std::string::npos) break;
          const std::size_t begin = from + at, end = begin + e->folded.size();
          from = begin + 1;
          const bool word_start = begin == 0 || line[begin - 1] == ' ' || line[begin - 1] == '(';
          if (!word_start || end + 1 >= line.size() || line[end] != ' ') continue;
          if (normalize::starts_upper(std::string_view(line).substr(end + 1))) {
            out_.application_channel = e->meaning;
            return;
          }
        }
      }
      if (const auto send = vocab::set("application_send").find(s.text); send && !normalize::find_emails(s.text).empty()) {
        out_.application_channel = send->meaning();
        return;
      }
    }
  }

  // The maximum grant ("Högst 500 000 kronor per ansökan", "Högsta belopp: 1,2 miljoner kronor
  // per kommun") and the call's total ("Att fördela: 12 miljoner kronor", "totalt 60 miljoner
  // kronor"), from sentences, facts and label/value rows. What was granted ("beviljade totalt
  // 11,4 miljoner") is the outcome, and "inget högsta belopp" states that there is no maximum.
  void amounts() {
    const auto& cues = vocab::set("amount_cue");
    for (const auto& st : page_.statements()) {
      const auto found = normalize::find_amounts(st.text);
      if (found.empty()) continue;
      const auto cue = cues.find(st.text);
      if (!cue || cue->meaning() == "outcome" || cue->meaning() == "no_max") continue;
      const record::Amount amount{found.front().ore, found.front().currency};
      if (cue->meaning() == "max" && !out_.max_amount) {
        out_.max_amount = amount;
        const std::string f = vocab::fold(st.text);
        if (const auto per = vocab::set("amount_per").find(f)) {
          const std::size_t start = per->end + 1;
          if (start < f.size()) {
            const auto end = f.find_first_of(" ,.;:)", start);
            out_.max_amount_per = f.substr(start, end == std::string::npos ? std::string::npos : end - start);
          }
        }
      } else if (cue->meaning() == "budget" && !out_.total_budget &&
                 !vocab::set("amount_per").in(st.text)) {
        // ("Regionen fördelar 50 000 kronor per förening" is an amount per applicant, not the budget.)
        out_.total_budget = amount;
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
