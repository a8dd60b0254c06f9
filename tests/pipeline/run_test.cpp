// The run loop with a fake fetcher and a fake extractor: following links by role with the
// call's context, unchanged documents answered from the store (304 or same hash) without
// extraction, changed bytes, failures as error records, --stop-on-error, idempotent re-runs.
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "bidrag/common/error.h"
#include "bidrag/pipeline/run.h"
#include "bidrag/record/ids.h"
#include "bidrag/store/sqlite_store.h"
#include "support/support.h"

namespace bidrag::pipeline {
namespace {

constexpr const char* kPage = "https://example.se/stod-2023/";
constexpr const char* kList = "https://example.se/fordelning-2023.pdf";
constexpr const char* kCall = "example:stod:2023";

class FakeFetcher final : public fetch::Fetcher {
 public:
  std::map<std::string, std::function<fetch::Response(const fetch::Request&)>> routes;
  std::vector<fetch::Request> seen;

  void serve(const std::string& url, const std::string& body, const std::string& etag = "") {
    routes[url] = [url, body, etag](const fetch::Request& r) {
      fetch::Response res;
      res.url = res.final_url = url;
      res.attempts = 1;
      if (!etag.empty() && r.if_none_match == etag) {
        res.not_modified = true;
        res.snapshot.url = url;
        res.snapshot.http_status = 304;
        return res;
      }
      res.snapshot = make_snapshot(url, body, "text/html", "2023-02-01T10:00:00Z");
      res.snapshot.http_status = 200;
      res.snapshot.etag = etag;
      return res;
    };
  }
  void fail(const std::string& url, const std::string& error) {
    routes[url] = [url, error](const fetch::Request&) {
      fetch::Response res;
      res.url = url;
      res.error = error;
      return res;
    };
  }
  std::vector<fetch::Response> fetch_all(const std::vector<fetch::Request>& requests, const fetch::Progress&) override {
    std::vector<fetch::Response> out;
    for (const auto& r : requests) {
      seen.push_back(r);
      const auto it = routes.find(r.url);
      if (it != routes.end()) {
        out.push_back(it->second(r));
      } else {
        fetch::Response res;
        res.url = r.url;
        res.error = r.url + ": HTTP 404";
        out.push_back(res);
      }
    }
    return out;
  }
};

record::Source source(const Snapshot& s) { return extract::source_of(s, doc::Format::html); }

// Bytes "page <close> <list url>" give a call, its close deadline and the list's document
// record; "list <n>" gives n ceilings for the context's call; anything else an extract error.
struct FakeExtractor {
  int calls = 0;
  std::vector<std::optional<std::string>> contexts;

  std::vector<record::Record> operator()(const Snapshot& s, const extract::Context& ctx) {
    ++calls;
    contexts.push_back(ctx.call_id);
    std::vector<record::Record> out;
    if (s.bytes.rfind("page ", 0) == 0) {
      record::Call c;
      c.id = kCall;
      c.title = "Stöd 2023";
      c.funder = "Example";
      c.series = record::series_of(kCall);
      c.year = 2023;
      c.source = source(s);
      const auto close = Date::parse_iso(s.bytes.substr(5, 10));
      c.application_close = close;
      out.emplace_back(c);
      record::Deadline d;
      d.id = record::deadline_id(kCall, "application_close");
      d.call_id = kCall;
      d.kind = record::DeadlineKind::application_close;
      d.date = *close;
      d.text = "Sista dag " + close->iso();
      d.source = source(s);
      out.emplace_back(d);
      record::DocumentRef doc;
      doc.url = s.bytes.substr(16);
      doc.id = record::document_id(kCall, doc.url);
      doc.call_id = kCall;
      doc.role = record::DocumentRole::allocation_list;
      doc.title = "Fördelningslista";
      doc.source = source(s);
      out.emplace_back(doc);
    } else if (s.bytes.rfind("list ", 0) == 0) {
      const int n = std::stoi(s.bytes.substr(5));
      for (int i = 0; i < n; ++i) {
        record::Ceiling c;
        c.call_id = ctx.call_id.value_or("");
        const std::string code = "01" + std::to_string(10 + i);
        c.id = record::ceiling_id(c.call_id, code);
        c.municipality.name_as_printed = "Kommun " + code;
        c.municipality.code = code;
        c.amount = record::Amount::kronor(1000 * (i + 1));
        c.amount_as_printed = std::to_string(1000 * (i + 1));
        c.cells = {c.municipality.name_as_printed, c.amount_as_printed};
        c.source = source(s);
        c.source.format = doc::Format::pdf;
        out.emplace_back(c);
      }
    } else {
      out.emplace_back(record::make_error(s.url, record::ErrorStage::extract, s.url + ": no grant call found", source(s)));
    }
    return out;
  }
};

class RunTest : public ::testing::Test {
 protected:
  std::string db = test::temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "/bidrag.db";
  store::SqliteStore store{db};
  FakeFetcher fetcher;
  FakeExtractor extractor;
  Pipeline pipeline = [] {
    Pipeline p;
    p.name = "test";
    p.sources = {{kPage, "announcement", std::nullopt}};
    return p;
  }();

  RunResult go(bool stop_on_error = false) {
    RunOptions o;
    o.stop_on_error = stop_on_error;
    o.extractor = [this](const Snapshot& s, const extract::Context& c) { return extractor(s, c); };
    o.isolation.enabled = false;  // the fake extractor counts its calls in this process
    return run(pipeline, fetcher, {&store}, &store, o);
  }
};

TEST_F(RunTest, FollowsTheAllocationListWithTheCallsContext) {
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList, "\"p1\"");
  fetcher.serve(kList, "list 3", "\"l1\"");
  const auto r = go();
  EXPECT_EQ(summary(r), "2 documents, 2 changed, 0 unchanged, 0 failed");
  ASSERT_EQ(extractor.contexts.size(), 2u);
  EXPECT_EQ(extractor.contexts[0], std::nullopt);
  EXPECT_EQ(extractor.contexts[1], kCall);
  ASSERT_EQ(r.lines.size(), 6u);
  EXPECT_NE(r.lines[3].find(R"("id":"example:stod:2023:ceiling:0110","call_id":"example:stod:2023")"), std::string::npos)
      << r.lines[3];
  EXPECT_TRUE(test::records_valid(test::jsonl(r.lines)));
  EXPECT_EQ(store.count_versions(), 6u);
}

TEST_F(RunTest, SecondRunSendsValidatorsGets304AndAddsNothing) {
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList, "\"p1\"");
  fetcher.serve(kList, "list 3", "\"l1\"");
  const auto first = go();
  fetcher.seen.clear();
  const auto second = go();
  EXPECT_EQ(summary(second), "2 documents, 0 changed, 2 unchanged, 0 failed");
  EXPECT_EQ(extractor.calls, 2);  // no extraction the second time
  ASSERT_EQ(fetcher.seen.size(), 2u);
  EXPECT_EQ(fetcher.seen[0].if_none_match, "\"p1\"");
  EXPECT_EQ(fetcher.seen[1].if_none_match, "\"l1\"");
  EXPECT_EQ(second.lines, first.lines);  // the stored current records, the same text
  EXPECT_EQ(store.count_versions(), 6u);
}

// Links are followed by the pipeline's roles only, from fresh records and from the store alike.
TEST_F(RunTest, OnlyTheRolesNamedInFollowAreFetched) {
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList, "\"p1\"");
  fetcher.serve(kList, "list 3", "\"l1\"");
  pipeline.follow = {record::DocumentRole::instructions, record::DocumentRole::decision};
  EXPECT_EQ(summary(go()), "1 document, 1 changed, 0 unchanged, 0 failed");
  EXPECT_EQ(fetcher.seen.size(), 1u);
  // Unchanged now (304): its stored allocation_list link is followed once the role is named.
  pipeline.follow = {record::DocumentRole::allocation_list};
  fetcher.seen.clear();
  const auto second = go();
  EXPECT_EQ(summary(second), "2 documents, 1 changed, 1 unchanged, 0 failed");
  ASSERT_EQ(fetcher.seen.size(), 2u);
  EXPECT_EQ(fetcher.seen[1].url, kList);
  EXPECT_EQ(extractor.contexts.back(), kCall);
}

TEST_F(RunTest, SameBytesWithoutValidatorsAreNotExtractedAgain) {
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList);
  fetcher.serve(kList, "list 2");
  go();
  const auto second = go();
  EXPECT_EQ(summary(second), "2 documents, 0 changed, 2 unchanged, 0 failed");
  EXPECT_EQ(extractor.calls, 2);
  EXPECT_EQ(store.count_versions(), 5u);
  EXPECT_EQ(store.count_snapshots(), 2u);
}

TEST_F(RunTest, ChangedBytesGiveNewVersionsAndKeepTheOldOnes) {
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList);
  fetcher.serve(kList, "list 2");
  go();
  fetcher.serve(kPage, std::string("page 2023-03-31 ") + kList);
  const auto r = go();
  EXPECT_EQ(summary(r), "2 documents, 1 changed, 1 unchanged, 0 failed");
  EXPECT_EQ(store.count_versions(), 7u);          // call and deadline got new versions
  EXPECT_EQ(store.count_current_versions(), 5u);  // the old two are closed, not gone
  EXPECT_NE(r.lines[1].find(R"("date":"2023-03-31")"), std::string::npos) << r.lines[1];
}

TEST_F(RunTest, AFailedDocumentIsAnErrorRecordAndTheOthersAreStored) {
  pipeline.sources.push_back({"https://example.se/gone/", "auto", std::nullopt});
  pipeline.sources.push_back({"https://example.se/other/", "auto", std::nullopt});
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList);
  fetcher.serve(kList, "list 1");
  fetcher.fail("https://example.se/gone/", "https://example.se/gone/: HTTP 404");
  fetcher.serve("https://example.se/other/", "nonsense");
  const auto r = go();
  EXPECT_EQ(summary(r), "4 documents, 2 changed, 0 unchanged, 2 failed");
  ASSERT_EQ(r.lines.size(), 6u);
  EXPECT_EQ(r.lines[3].rfind(R"({"type":"error","id":")" + record::error_id("https://example.se/gone/", record::ErrorStage::fetch) +
                                 R"(","url":"https://example.se/gone/","stage":"fetch",)",
                             0),
            0u)
      << r.lines[3];
  EXPECT_NE(r.lines[3].find(R"("message":"https://example.se/gone/: HTTP 404")"), std::string::npos);
  EXPECT_NE(r.lines[4].find(R"("stage":"extract","message":"https://example.se/other/: no grant call found")"),
            std::string::npos)
      << r.lines[4];
  EXPECT_TRUE(test::records_valid(test::jsonl(r.lines)));
  // The failed ones are retried next run; the good ones are not extracted again.
  go();
  EXPECT_EQ(extractor.calls, 3 + 1);
}

TEST_F(RunTest, StopOnErrorStopsAtTheFirstFailure) {
  pipeline.sources.insert(pipeline.sources.begin(), Source{"https://example.se/gone/", "auto", std::nullopt});
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList);
  const auto r = go(true);
  EXPECT_EQ(summary(r), "1 document, 0 changed, 0 unchanged, 1 failed (stopped at the first failure)");
  EXPECT_EQ(extractor.calls, 0);
}

TEST_F(RunTest, EachUrlIsFetchedOncePerRun) {
  pipeline.sources.push_back({kList, "allocation_list", std::string(kCall)});
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList);
  fetcher.serve(kList, "list 1");
  const auto r = go();
  EXPECT_EQ(r.documents, 2u);
  EXPECT_EQ(fetcher.seen.size(), 2u);
  EXPECT_EQ(extractor.contexts[1], kCall);
}

// The store as the run sees it, counting the touches and the documents each one notes.
class CountingMemory final : public store::Memory {
 public:
  explicit CountingMemory(store::SqliteStore& s) : store(s) {}
  std::optional<store::Remembered> remembered(const std::string& url) override { return store.remembered(url); }
  std::vector<std::string> current_records_of(const std::string& url) override { return store.current_records_of(url); }
  std::vector<record::DocumentRef> current_links_of(const std::string& url) override { return store.current_links_of(url); }
  void touch(const std::vector<Snapshot>& seen) override {
    touches.push_back(seen.size());
    store.touch(seen);
  }
  store::SqliteStore& store;
  std::vector<std::size_t> touches;
};

TEST_F(RunTest, TheUnchangedDocumentsOfARoundAreNotedInOneTouch) {
  pipeline.sources.push_back({"https://example.se/b/", "auto", std::nullopt});
  pipeline.sources.push_back({"https://example.se/c/", "auto", std::nullopt});
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList, "\"p1\"");
  fetcher.serve(kList, "list 2", "\"l1\"");
  fetcher.serve("https://example.se/b/", "nonsense b", "\"b1\"");  // an extract error: not remembered
  fetcher.serve("https://example.se/c/", std::string("page 2023-03-15 ") + kList, "\"c1\"");
  go();
  CountingMemory memory(store);
  RunOptions o;
  o.extractor = [this](const Snapshot& s, const extract::Context& c) { return extractor(s, c); };
  o.isolation.enabled = false;  // the fake extractor counts its calls in this process
  const auto r = run(pipeline, fetcher, {&store}, &memory, o);
  EXPECT_EQ(summary(r), "4 documents, 0 changed, 3 unchanged, 1 failed");
  // Round one: the three sources, two of them unchanged; round two: the list they link to.
  EXPECT_EQ(memory.touches, (std::vector<std::size_t>{2, 1}));
  EXPECT_EQ(extractor.calls, 4 + 1);  // only the failed one is extracted again
}

// A second sink that fails at its n-th document (a database that went away): the remembering
// store must not have recorded that document, so the next run extracts it again and the sink
// gets it, while the documents stored before it stay stored.
class FailingOnceSink final : public store::Sink {
 public:
  explicit FailingOnceSink(int fail_at = 1) : fail_at_(fail_at) {}
  store::PutResult put(const Snapshot&, const std::vector<record::Record>& records) override {
    if (++puts_ == fail_at_) throw IoError("postgresql://db: connection lost");
    loaded += records.size();
    return {records.size(), 0, 0};
  }
  [[nodiscard]] std::string describe() const override { return "failing-once"; }
  std::size_t loaded = 0;

 private:
  int fail_at_;
  int puts_ = 0;
};

TEST_F(RunTest, ASinkFailingMidRunKeepsWhatWasStoredBeforeAndTheNextRunCompletes) {
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList, "\"p1\"");
  fetcher.serve(kList, "list 3", "\"l1\"");
  FailingOnceSink other(2);
  RunOptions o;
  o.extractor = [this](const Snapshot& s, const extract::Context& c) { return extractor(s, c); };
  o.isolation.enabled = false;  // the fake extractor counts its calls in this process
  try {
    run(pipeline, fetcher, {&store, &other}, &store, o);
    FAIL() << "the failing sink did not stop the run";
  } catch (const IoError& e) {
    EXPECT_STREQ(e.what(), "postgresql://db: connection lost");
  }
  EXPECT_EQ(store.count_versions(), 3u);  // the page, whole; nothing of the list
  EXPECT_TRUE(store.remembered(kPage).has_value());
  EXPECT_FALSE(store.remembered(kList).has_value());
  EXPECT_EQ(store.integrity_check(), "ok");
  const auto second = run(pipeline, fetcher, {&store, &other}, &store, o);
  EXPECT_EQ(summary(second), "2 documents, 1 changed, 1 unchanged, 0 failed");
  EXPECT_EQ(extractor.calls, 3);  // the page once, the list twice
  EXPECT_EQ(other.loaded, 3u + 3u);
  EXPECT_EQ(store.count_versions(), 6u);
  EXPECT_EQ(second.lines.size(), 6u);
}

TEST_F(RunTest, ASinkThatFailsLeavesTheDocumentToBeLoadedAgainNextRun) {
  fetcher.serve(kPage, std::string("page 2023-03-15 ") + kList, "\"p1\"");
  fetcher.serve(kList, "list 3", "\"l1\"");
  FailingOnceSink other;
  RunOptions o;
  o.extractor = [this](const Snapshot& s, const extract::Context& c) { return extractor(s, c); };
  o.isolation.enabled = false;  // the fake extractor counts its calls in this process
  EXPECT_THROW(run(pipeline, fetcher, {&store, &other}, &store, o), IoError);
  EXPECT_EQ(store.count_versions(), 0u);  // nothing remembered, nothing half-stored
  const auto second = run(pipeline, fetcher, {&store, &other}, &store, o);
  EXPECT_EQ(summary(second), "2 documents, 2 changed, 0 unchanged, 0 failed");
  EXPECT_EQ(extractor.calls, 3);  // the page twice (the failed load did not count), the list once
  EXPECT_EQ(other.loaded, 6u);
  EXPECT_EQ(store.count_versions(), 6u);
}

}  // namespace
}  // namespace bidrag::pipeline

