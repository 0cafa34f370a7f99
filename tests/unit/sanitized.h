/* SANITIZED is defined when this test is built with AddressSanitizer, by
 * gcc (__SANITIZE_ADDRESS__) or clang (__has_feature). */
#ifndef ADRLINT_TESTS_SANITIZED_H
#define ADRLINT_TESTS_SANITIZED_H

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(SANITIZED)
#define SANITIZED 1
#endif

#endif
