// An OpenSSL key behind the opaque handle that oidc/jwt.h exposes, so that
// only the oidc module's sources include OpenSSL headers.
// Thread-safety: an EVP_PKEY that nobody modifies may be used for signing
// and verifying from several threads at once; nothing here modifies it.
#pragma once

#include <openssl/evp.h>

namespace loket::oidc::internal {

struct Key {
  explicit Key(EVP_PKEY* key) : pkey(key) {}
  ~Key() { EVP_PKEY_free(pkey); }
  Key(const Key&) = delete;
  Key& operator=(const Key&) = delete;

  EVP_PKEY* pkey;  // owned
};

}  // namespace loket::oidc::internal
