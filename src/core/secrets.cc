#include "core/secrets.h"

#include <sodium.h>

#include <cstdlib>

namespace loket {
namespace {
void EnsureSodium() {
  // Safe to call many times and from many threads.
  if (sodium_init() < 0) std::abort();
}
}  // namespace

std::string RandomToken(size_t bytes) {
  EnsureSodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // the terminating NUL
  sodium_memzero(raw.data(), raw.size());
  return out;
}

bool SecretsEqual(std::string_view a, std::string_view b) {
  EnsureSodium();
  unsigned char ha[crypto_generichash_BYTES];
  unsigned char hb[crypto_generichash_BYTES];
  crypto_generichash(ha, sizeof ha, reinterpret_cast<const unsigned char*>(a.data()), a.size(),
                     nullptr, 0);
  crypto_generichash(hb, sizeof hb, reinterpret_cast<const unsigned char*>(b.data()), b.size(),
                     nullptr, 0);
  return sodium_memcmp(ha, hb, sizeof ha) == 0;
}

}  // namespace loket
