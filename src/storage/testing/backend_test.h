// A GoogleTest fixture that runs a module's tests on every storage
// backend: a fresh database per test (TestDatabase), skipped without
// PostgreSQL except under CI=true, where that fails.
//
//   class MyTest : public storage::BackendTest { … };
//   TEST_P(MyTest, …) { … db_ … }
//   LOKET_ON_EVERY_BACKEND(MyTest);
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/database.h"
#include "storage/testing/test_database.h"

namespace loket::storage {

class BackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Derived fixtures call this first and return when the test is skipped
  // or failed (`if (!db_) return;`).
  void SetUp() override {
    auto test_db = TestDatabase::Create(GetParam());
    if (!test_db.ok() && test_db.status().code() == StatusCode::kUnavailable) {
      if (PostgresRequired()) FAIL() << "CI=true but LOKET_TEST_PG_URL is unset";
      GTEST_SKIP() << test_db.status().message();
    }
    ASSERT_TRUE(test_db.ok()) << test_db.status().ToString();
    test_db_ = std::move(test_db).value();
    auto db = test_db_->Open();
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  std::unique_ptr<TestDatabase> test_db_;
  std::unique_ptr<Database> db_;
};

}  // namespace loket::storage

#define LOKET_ON_EVERY_BACKEND(Suite)                                                \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::Values("sqlite", "postgres"), \
                           [](const ::testing::TestParamInfo<std::string>& p) { return p.param; })
