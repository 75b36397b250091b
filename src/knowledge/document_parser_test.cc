#include "knowledge/document_parser.h"

#include <gtest/gtest.h>

namespace loket::knowledge {
namespace {

TEST(DocumentParser, Placeholder) { EXPECT_FALSE(ParseDocument("", "x").ok()); }

}  // namespace
}  // namespace loket::knowledge
