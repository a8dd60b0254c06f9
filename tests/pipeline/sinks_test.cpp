// The sink factory: every spelling maps to its store; anything else is a usage error listing
// the valid forms.
#include <gtest/gtest.h>

#include "bidrag/common/error.h"
#include "bidrag/pipeline/sinks.h"
#include "bidrag/store/sqlite_store.h"
#include "support/support.h"

namespace bidrag::pipeline {
namespace {

TEST(SinkFactoryTest, PathsAndSqliteUrlsOpenTheEmbeddedStore) {
  const std::string dir = test::temp_dir("sinks");
  const auto plain = make_sink(dir + "/a.db");
  EXPECT_EQ(plain->describe(), "sqlite:" + dir + "/a.db");
  EXPECT_NE(dynamic_cast<store::SqliteStore*>(plain.get()), nullptr);
  EXPECT_EQ(make_sink("sqlite:" + dir + "/b.db")->describe(), "sqlite:" + dir + "/b.db");
}

TEST(SinkFactoryTest, NullAcceptsAndStoresNothing) {
  const auto sink = make_sink("null");
  EXPECT_EQ(sink->describe(), "null");
  record::ErrorRecord e;
  e.id = "x";
  EXPECT_EQ(sink->put(Snapshot{}, {e}).added, 1u);
}

TEST(SinkFactoryTest, UnknownFormsAreUsageErrors) {
  const std::string forms =
      "expected a file path or sqlite:PATH (SQLite), postgresql://… or postgres://… (PostgreSQL), or null";
  for (const std::string spec : {"", "mysql://u:secret@h/db"}) {
    try {
      (void)make_sink(spec);
      FAIL() << spec;
    } catch (const UsageError& e) {
      const std::string shown = spec.empty() ? "" : "mysql://u:***@h/db";
      EXPECT_EQ(std::string(e.what()), "sink \"" + shown + "\": " + forms);
    }
  }
  try {
    (void)make_sink("sqlite:");
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()), "sink \"sqlite:\": expected a path after sqlite:");
  }
}

TEST(SinkFactoryTest, UnopenableStoreIsAnIoErrorNamingThePath) {
  try {
    (void)make_sink("/nonexistent-dir/x/bidrag.db");
    FAIL();
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent-dir/x/bidrag.db: cannot open the store: unable to open database file");
  }
}

}  // namespace
}  // namespace bidrag::pipeline
