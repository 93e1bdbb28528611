// SHA-256 digests (OpenSSL's EVP interface) as lower-case hex: what the audit log chains and what
// names a segment of evidence, a contract version or an export file.
#pragma once

#include <string>
#include <string_view>

namespace meetlat::store {

// 64 hex characters.
std::string sha256_hex(std::string_view bytes);

// A digest computed over several pieces, as if they were one string.
class Sha256 {
 public:
  Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  Sha256(Sha256&& other) noexcept;  // `other` can then only be destroyed
  Sha256& operator=(Sha256&&) = delete;
  ~Sha256();
  // A digest that goes on from what this one has taken so far; this one is unchanged.
  Sha256 copy() const;
  Sha256& add(std::string_view bytes);
  std::string hex();  // ends the digest; add() may not follow

 private:
  void* context_;  // EVP_MD_CTX
};

}  // namespace meetlat::store
