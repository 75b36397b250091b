#include "knowledge/knowledge_base.h"

#include <gtest/gtest.h>

namespace loket::knowledge {
namespace {

TEST(KnowledgeBase, Placeholder) { EXPECT_TRUE(ValidateArticle(Article{}).code() != StatusCode::kOk); }

}  // namespace
}  // namespace loket::knowledge
