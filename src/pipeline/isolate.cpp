// extract_isolated: fork, limits, a pipe back, and a binary serialisation of the records.
#include "bidrag/pipeline/isolate.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <stdexcept>

#include "bidrag/common/error.h"
#include "bidrag/parse/parse.h"
#include "bidrag/record/ids.h"

namespace bidrag::pipeline {
namespace {

// One function per type serves both directions: Ar is Writer or Reader.
struct Writer {
  std::string out;
  void raw(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
};
struct Reader {
  std::string_view in;
  void raw(void* p, std::size_t n) {
    if (in.size() < n) throw std::runtime_error("worker output cut short");
    std::memcpy(p, in.data(), n);
    in.remove_prefix(n);
  }
};

template <class Ar, class T>
  requires std::is_arithmetic_v<T> || std::is_enum_v<T>
void io(Ar& ar, T& v) {
  ar.raw(&v, sizeof v);
  // A closed set read back must be one of its values: to_string indexes its name table.
  if constexpr (std::is_same_v<Ar, Reader> && record::NamedSet<T>) {
    if (static_cast<std::size_t>(v) >= record::names_of<T>().size()) throw std::runtime_error("worker output damaged");
  }
}
template <class Ar>
void io(Ar& ar, std::string& s) {
  std::uint64_t n = s.size();
  io(ar, n);
  if constexpr (std::is_same_v<Ar, Reader>) {
    if (ar.in.size() < n) throw std::runtime_error("worker output cut short");
    s.assign(ar.in.substr(0, n));
    ar.in.remove_prefix(n);
  } else {
    ar.raw(s.data(), s.size());
  }
}
template <class Ar, class T>
void io(Ar& ar, std::optional<T>& o) {
  bool has = o.has_value();
  io(ar, has);
  if (has && !o) o.emplace();
  if (has) io(ar, *o);
}
template <class Ar, class T>
void io(Ar& ar, std::vector<T>& v) {
  std::uint64_t n = v.size();
  io(ar, n);
  if constexpr (std::is_same_v<Ar, Reader>) {
    if (n > ar.in.size()) throw std::runtime_error("worker output damaged");
    v.resize(n);
  }
  for (auto& x : v) io(ar, x);
}
template <class Ar, class T, std::size_t N>
void io(Ar& ar, std::array<T, N>& a) {
  for (auto& x : a) io(ar, x);
}
template <class Ar, class... T>
void all(Ar& ar, T&... fields) {
  (io(ar, fields), ...);
}

template <class Ar> void io(Ar& ar, Date& d) { all(ar, d.year, d.month, d.day); }
template <class Ar> void io(Ar& ar, doc::BBox& b) { all(ar, b.x0, b.y0, b.x1, b.y1); }
template <class Ar> void io(Ar& ar, doc::Locator& l) {
  all(ar, l.kind, l.page, l.bbox, l.xpath, l.line, l.sheet, l.row, l.column);
}
template <class Ar> void io(Ar& ar, record::Source& s) { all(ar, s.url, s.sha256, s.fetched_at, s.format, s.locator); }
template <class Ar> void io(Ar& ar, record::Amount& a) { all(ar, a.ore, a.currency); }
template <class Ar> void common(Ar& ar, record::Common& c) { all(ar, c.id, c.call_id, c.source, c.warnings); }
template <class Ar> void io(Ar& ar, record::Reporting& r) {
  all(ar, r.request_sent, r.due, r.signed_original_required, r.method);
}
template <class Ar> void io(Ar& ar, record::Call& c) {
  common(ar, c);
  all(ar, c.title, c.funder, c.series, c.year, c.program_years, c.published, c.application_open, c.application_close,
      c.application_close_time, c.status, c.as_of, c.days_left, c.purpose, c.eligibility, c.applicant_types,
      c.conditions, c.funds_usable_from, c.funds_usable_until, c.decision_expected, c.steps, c.reporting,
      c.application_type, c.application_channel, c.total_budget, c.max_amount, c.max_amount_per, c.language);
}
template <class Ar> void io(Ar& ar, record::Deadline& d) {
  common(ar, d);
  all(ar, d.kind, d.date, d.time, d.text);
}
template <class Ar> void io(Ar& ar, record::Contact& c) {
  common(ar, c);
  all(ar, c.name, c.role, c.organisation, c.title, c.email, c.email_display, c.phone, c.phone_display, c.primary);
}
template <class Ar> void io(Ar& ar, record::DocumentRef& d) {
  common(ar, d);
  all(ar, d.role, d.title, d.url);
}
template <class Ar> void io(Ar& ar, record::Municipality& m) {
  all(ar, m.name, m.name_as_printed, m.code, m.county_code, m.county);
}
template <class Ar> void io(Ar& ar, record::Recipient& r) { all(ar, r.kind, r.name, r.name_as_printed, r.code, r.county_code); }
template <class Ar> void io(Ar& ar, record::AmountPart& p) { all(ar, p.header, p.amount, p.amount_as_printed); }
template <class Ar> void io(Ar& ar, record::Funder& f) { all(ar, f.name, f.org_number); }
template <class Ar> void io(Ar& ar, record::Ceiling& c) {
  common(ar, c);
  all(ar, c.recipient, c.municipality, c.amount, c.year, c.parts, c.amount_as_printed, c.cells, c.name_lines);
}
template <class Ar> void io(Ar& ar, record::Subtotal& s) { all(ar, s.label, s.county_code, s.amount, s.amount_as_printed); }
template <class Ar> void io(Ar& ar, record::AllocationList& a) {
  common(ar, a);
  all(ar, a.title, a.funder, a.year, a.recipient_kind, a.unit, a.rows, a.total_stated, a.total_computed, a.sum_check,
      a.reference, a.document_date, a.subtotals);
}
template <class Ar> void io(Ar& ar, record::ErrorRecord& e) {
  common(ar, e);
  all(ar, e.url, e.stage, e.message, e.locator);
}

template <std::size_t I = 0>
void read_alternative(Reader& r, std::size_t index, record::Record& out) {
  if constexpr (I < std::variant_size_v<record::Record>) {
    if (index == I) {
      io(r, out.emplace<I>());
      return;
    }
    read_alternative<I + 1>(r, index, out);
  } else {
    throw std::runtime_error("worker output damaged");
  }
}

record::Record worker_error(const Snapshot& s, const std::string& message) {
  return record::make_error(s.url, record::ErrorStage::extract, s.url + ": " + message,
                            extract::source_of(s, parse::sniff_format(s)));
}

bool marker_in(const char* variable, const Snapshot& s) {
  const char* marker = std::getenv(variable);
  return marker && *marker && s.bytes.find(marker) != std::string::npos;
}

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) _exit(3);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

std::string serialise(const std::vector<record::Record>& records) {
  Writer w;
  std::uint64_t n = records.size();
  io(w, n);
  for (record::Record r : records) {
    std::uint64_t index = r.index();
    io(w, index);
    std::visit([&](auto& alt) { io(w, alt); }, r);
  }
  return std::move(w.out);
}

std::vector<record::Record> deserialise(std::string_view bytes) {
  Reader r{bytes};
  std::uint64_t n = 0;
  io(r, n);
  if (n > bytes.size()) throw std::runtime_error("worker output damaged");
  std::vector<record::Record> out(n);
  for (auto& rec : out) {
    std::uint64_t index = 0;
    io(r, index);
    read_alternative(r, index, rec);
  }
  if (!r.in.empty()) throw std::runtime_error("worker output damaged");
  return out;
}

std::vector<record::Record> extract_isolated(const ExtractFn& fn, const Snapshot& snapshot,
                                             const extract::Context& context, const Isolation& isolation) {
  if (!isolation.enabled) return fn(snapshot, context);
  static std::once_flag warmed;  // made once here, inherited by every worker
  std::call_once(warmed, extract::warm_up);
  int fds[2];
  if (::pipe(fds) != 0) throw IoError("cannot create a pipe for the extraction worker: " + std::string(std::strerror(errno)));
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw IoError("cannot start an extraction worker: " + std::string(std::strerror(errno)));
  }
  if (pid == 0) {  // the worker: extract, write, leave without running the parent's destructors
    ::close(fds[0]);
#if defined(__SANITIZE_ADDRESS__)
    const bool sanitized = true;  // AddressSanitizer reserves terabytes of address space
#else
    const bool sanitized = false;
#endif
    if (isolation.memory_bytes > 0 && !sanitized) {
      rlimit lim{isolation.memory_bytes, isolation.memory_bytes};
      ::setrlimit(RLIMIT_AS, &lim);
    }
    if (marker_in("BIDRAG_TEST_CRASH_MARKER", snapshot)) std::abort();
    if (marker_in("BIDRAG_TEST_HANG_MARKER", snapshot))
      for (volatile bool spin = true; spin;) {
      }
    std::string bytes;
    try {
      bytes = serialise(fn(snapshot, context));
    } catch (const std::exception& e) {
      bytes = serialise({worker_error(snapshot, e.what())});
    }
    write_all(fds[1], bytes);
    ::close(fds[1]);
    _exit(0);
  }
  ::close(fds[1]);
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + isolation.budget;
  bool timed_out = false;
  char buf[65536];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the worker is done (or died)
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out)
    return {worker_error(snapshot, "extraction took longer than the time budget of " +
                                       std::to_string(isolation.budget.count()) + " ms; stopped")};
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    return {worker_error(snapshot, std::string("extraction crashed (signal ") + std::to_string(sig) + ", " +
                                       (sigdescr_np(sig) ? sigdescr_np(sig) : "unknown") + ")")};
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return {worker_error(snapshot, "extraction worker failed (exit status " + std::to_string(WEXITSTATUS(status)) +
                                       "; out of memory under the ceiling of " +
                                       std::to_string(isolation.memory_bytes >> 20) + " MiB?)")};
  try {
    return deserialise(out);
  } catch (const std::exception& e) {
    return {worker_error(snapshot, e.what())};
  }
}

}  // namespace bidrag::pipeline
