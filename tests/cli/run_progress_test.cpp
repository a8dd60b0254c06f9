// `bidrag run` on a terminal shows one updating progress line and clears it before the summary
// (a pseudo-terminal from util-linux `script`); in a pipe it prints the summary only.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "support/support.h"

namespace bidrag::test {
namespace {

TEST(RunProgressTest, OneUpdatingLineOnATerminal) {
  if (!std::filesystem::exists("/usr/bin/script")) GTEST_SKIP() << "util-linux script is not installed";
  const std::string dir = temp_dir("run-progress");
  const std::string command = "cd " BIDRAG_SOURCE_DIR " && /usr/bin/script -qec '" + std::string(std::getenv("BIDRAG_BINARY")) +
                              " run pipelines/demo.json --db " + dir + "/b.db --out " + dir + "/o.jsonl' /dev/null";
  FILE* p = popen(command.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  EXPECT_EQ(pclose(p), 0);
  // The total grows as the list's pages and the announcements' links are found (the two list
  // pages count as documents here); the line is redrawn in place.
  EXPECT_EQ(out.rfind("\rdemo: 1/3 documents  0.0 MB  0 errors  ", 0), 0u) << out;
  EXPECT_NE(out.find("\x1b[K\rdemo: 6/6 documents  0.1 MB  0 errors  "), std::string::npos) << out;
  const std::string end =
      "\r\x1b[Kdemo: 4 documents, 4 changed, 0 unchanged, 0 failed; 2 list pages read, 2 pages found, 0 not calls\r\n";
  ASSERT_GE(out.size(), end.size());
  EXPECT_EQ(out.substr(out.size() - end.size()), end);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);  // one line, redrawn
}

}  // namespace
}  // namespace bidrag::test
