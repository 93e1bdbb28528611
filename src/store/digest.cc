#include "store/digest.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace meetlat::store {

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (context_ == nullptr ||
      EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(context_), EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(context_));
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  }
}

Sha256::Sha256(Sha256&& other) noexcept : context_(other.context_) { other.context_ = nullptr; }

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(context_)); }

Sha256 Sha256::copy() const {
  Sha256 out;
  if (EVP_MD_CTX_copy_ex(static_cast<EVP_MD_CTX*>(out.context_),
                         static_cast<const EVP_MD_CTX*>(context_)) != 1) {
    throw std::runtime_error("a SHA-256 digest could not be copied (OpenSSL)");
  }
  return out;
}

Sha256& Sha256::add(std::string_view bytes) {
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(context_), bytes.data(), bytes.size());
  return *this;
}

std::string Sha256::hex() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned size = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(context_), digest.data(), &size);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{size} * 2);
  for (unsigned i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

std::string sha256_hex(std::string_view bytes) { return Sha256().add(bytes).hex(); }

}  // namespace meetlat::store
