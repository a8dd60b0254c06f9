#include <gtest/gtest.h>

#include "bidrag/common/slug.h"

namespace bidrag {
namespace {

TEST(SlugTest, FollowsTheContract) {
  EXPECT_EQ(slugify("Sociala insatser i utsatta områden"), "sociala-insatser-i-utsatta-omraden");
  EXPECT_EQ(slugify("Socialstyrelsen"), "socialstyrelsen");
  EXPECT_EQ(slugify("SSPF-nätverket"), "sspf-natverket");
  EXPECT_EQ(slugify("Emilia Ström"), "emilia-strom");
  EXPECT_EQ(slugify("  Örebro — Ängelholm! "), "orebro-angelholm");
  EXPECT_EQ(slugify("Café Müller"), "cafe-muller");
  EXPECT_EQ(slugify(""), "");
}

TEST(HashTest, KnownDigests) {
  EXPECT_EQ(sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace bidrag
