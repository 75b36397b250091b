// The audit log on both storage backends: the hash chain, tampering found,
// concurrent appends, search, retention.
#include "audit/audit_log.h"

#include <gtest/gtest.h>

#include <thread>

#include "audit/repository.h"
#include "storage/migrations.h"
#include "storage/testing/backend_test.h"

namespace loket::audit {
namespace {

using namespace std::chrono_literals;

Entry MakeEntry(std::string actor, std::string action, std::string object_type = "",
                std::string object_id = "", std::string case_id = "", std::string address = "",
                Outcome outcome = Outcome::kSuccess, std::string detail = "") {
  return {std::move(actor),
          std::move(action),
          std::move(object_type),
          std::move(object_id),
          std::move(case_id),
          std::move(address),
          outcome,
          std::move(detail)};
}

class AuditLogTest : public storage::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (!db_) return;
    ASSERT_TRUE(storage::ApplyMigrations(*db_, AuditMigrations()).ok());
    repository_ = NewSqlAuditRepository(*db_);
    log_ = std::make_unique<AuditLog>(*repository_, [this] { return now_; });
  }

  Entry Login(const std::string& actor, Outcome outcome = Outcome::kSuccess) {
    return MakeEntry(actor, outcome == Outcome::kSuccess ? "login" : "login_failed", "", "", "",
                     "192.0.2.7", outcome);
  }

  void Execute(const std::string& sql) {
    auto tx = db_->BeginWrite();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE((*tx)->Execute(sql).ok()) << sql;
    ASSERT_TRUE((*tx)->Commit().ok());
  }

  std::chrono::system_clock::time_point now_ =
      std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + 9h;
  std::unique_ptr<AuditRepository> repository_;
  std::unique_ptr<AuditLog> log_;
};

TEST_P(AuditLogTest, EventsFormAChain) {
  auto first = log_->Record(Login("staff:1"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->sequence, 1);
  EXPECT_EQ(first->previous_hash, "");
  EXPECT_EQ(first->at, "2026-11-25T09:00:00.000Z");
  auto second = log_->Record(MakeEntry("staff:1", "read", "application", "V-2026-000123", "CASE-9",
                                       "192.0.2.7", Outcome::kSuccess, "opened the file"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->sequence, 2);
  EXPECT_EQ(second->previous_hash, first->hash);
  EXPECT_EQ(second->hash.size(), 64u);
  EXPECT_EQ(second->hash, EventHash(*second));
  auto v = log_->Verify();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact);
  EXPECT_EQ(v->events, 2u);
}

TEST_P(AuditLogTest, EventsWithoutActorOrActionAreRefused) {
  EXPECT_EQ(log_->Record(MakeEntry("", "login")).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(log_->Record(MakeEntry("staff:1", "")).status().code(), StatusCode::kInvalidArgument);
  Entry long_detail = Login("staff:1");
  long_detail.detail = std::string(501, 'x');
  EXPECT_EQ(log_->Record(long_detail).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(log_->Verify()->events, 0u);
}

TEST_P(AuditLogTest, TamperingShows) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(log_->Record(Login("staff:" + std::to_string(i))).ok());
  // A changed field.
  Execute("UPDATE audit_events SET actor = 'staff:99' WHERE sequence = 3");
  auto v = log_->Verify();
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->broken_at, 3);
  Execute("UPDATE audit_events SET actor = 'staff:2' WHERE sequence = 3");
  EXPECT_TRUE(log_->Verify()->intact);
  // A removed event.
  Execute("DELETE FROM audit_events WHERE sequence = 4");
  v = log_->Verify();
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->broken_at, 5);
}

TEST_P(AuditLogTest, ConcurrentAppendsFormOneChain) {
  constexpr int kThreads = 4, kEach = 15;
  std::vector<std::thread> threads;
  std::vector<std::unique_ptr<storage::Database>> handles;
  std::vector<std::unique_ptr<AuditRepository>> repositories;
  for (int t = 0; t < kThreads; ++t) {
    auto db = test_db_->Open(2);
    ASSERT_TRUE(db.ok());
    handles.push_back(std::move(db).value());
    repositories.push_back(NewSqlAuditRepository(*handles.back()));
  }
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      AuditLog log(*repositories[t], [] { return std::chrono::system_clock::now(); });
      for (int i = 0; i < kEach; ++i) {
        if (!log.Record(MakeEntry("staff:" + std::to_string(t), "read")).ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  auto v = log_->Verify();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact) << "broken at " << v->broken_at.value_or(0);
  EXPECT_EQ(v->events, static_cast<size_t>(kThreads * kEach));
}

TEST_P(AuditLogTest, AdministratorsSearch) {
  ASSERT_TRUE(log_->Record(Login("staff:1")).ok());
  now_ += 1h;
  ASSERT_TRUE(
      log_->Record(MakeEntry("staff:1", "read", "person", "P-1", "CASE-1", "192.0.2.7")).ok());
  ASSERT_TRUE(
      log_->Record(MakeEntry("staff:2", "read", "person", "P-1", "CASE-2", "192.0.2.8")).ok());
  ASSERT_TRUE(log_->Record(Login("staff:3", Outcome::kFailed)).ok());
  Query by_object;
  by_object.object_type = "person";
  by_object.object_id = "P-1";
  auto r = log_->Search(by_object);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].entry.actor, "staff:2");  // newest first
  Query by_case;
  by_case.case_id = "CASE-1";
  EXPECT_EQ(log_->Search(by_case)->size(), 1u);
  Query failed;
  failed.action = "login_failed";
  r = log_->Search(failed);
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].entry.outcome, Outcome::kFailed);
  Query early;
  early.until = "2026-11-25T09:30:00.000Z";
  EXPECT_EQ(log_->Search(early)->size(), 1u);
  Query page;
  page.limit = 2;
  page.offset = 2;
  r = log_->Search(page);
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].sequence, 2);
}

TEST_P(AuditLogTest, RetentionRemovesOldEventsAndTheChainStillHolds) {
  ASSERT_TRUE(log_->Record(Login("staff:1")).ok());
  ASSERT_TRUE(log_->Record(Login("staff:2")).ok());
  now_ += 24h * 400;
  ASSERT_TRUE(log_->Record(Login("staff:3")).ok());
  auto removed = log_->ApplyRetention(24h * 365);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 2u);
  auto v = log_->Verify();
  EXPECT_TRUE(v->intact);
  EXPECT_EQ(v->events, 1u);
  auto next = log_->Record(Login("staff:4"));
  EXPECT_EQ(next->sequence, 4);
  EXPECT_TRUE(log_->Verify()->intact);
  EXPECT_EQ(*log_->ApplyRetention(24h * 365), 0u);
}

LOKET_ON_EVERY_BACKEND(AuditLogTest);

}  // namespace
}  // namespace loket::audit
