// lookup_cpp: the same header from C++ (extern "C" guards), with RAII owners for handles.
//
//   lookup_cpp ACCOUNT_NUMBER
#include <flexiti.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace {

struct ConfigFree { void operator()(flx_config *p) const { flx_config_free(p); } };
struct SessionFree { void operator()(flx_session *p) const { flx_session_free(p); } };
struct CustomerFree { void operator()(flx_customer *p) const { flx_customer_free(p); } };
struct ErrorFree { void operator()(flx_error *p) const { flx_error_free(p); } };

using Config = std::unique_ptr<flx_config, ConfigFree>;
using Session = std::unique_ptr<flx_session, SessionFree>;
using Customer = std::unique_ptr<flx_customer, CustomerFree>;
using Error = std::unique_ptr<flx_error, ErrorFree>;

std::string env_or(const char *name, const char *fallback) {
    const char *v = std::getenv(name);
    return (v && *v) ? v : fallback;
}

int report(const char *what, flx_code rc, flx_error *raw) {
    Error err(raw);
    std::fprintf(stderr, "%s failed: %s: %s (HTTP %d)\n", what, flx_code_name(rc),
                 err ? flx_error_scenario(err.get()) : flx_strerror(rc), err ? flx_error_http_status(err.get()) : 0);
    return 1;
}

}  // namespace

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s ACCOUNT_NUMBER\n", argv[0]);
        return 2;
    }
    flx_error *err = nullptr;
    flx_config *cfg_raw = nullptr;
    flx_code rc = flx_config_new(&cfg_raw, &err);
    if (rc != FLX_OK) return report("config", rc, err);
    Config cfg(cfg_raw);
    std::string base = env_or("FLEXITI_BASE_URL", "http://127.0.0.1:8080/flexiti/pos-api");
    if ((rc = flx_config_set_base_url(cfg.get(), base.c_str(), &err)) != FLX_OK ||
        (rc = flx_config_set_credentials(cfg.get(), env_or("FLEXITI_CLIENT_ID", "flexitidemo").c_str(),
                                         env_or("FLEXITI_CLIENT_SECRET", "flexitidemo-secret").c_str(), &err)) != FLX_OK)
        return report("config", rc, err);

    flx_session *session_raw = nullptr;
    if ((rc = flx_session_new(cfg.get(), &session_raw, &err)) != FLX_OK) return report("session", rc, err);
    Session session(session_raw);

    flx_customer *customer_raw = nullptr;
    rc = flx_customer_lookup(session.get(), FLX_CUSTOMER_BY_ACCOUNT_NUMBER, argv[1], &customer_raw, &err);
    if (rc != FLX_OK) return report("lookup", rc, err);
    Customer customer(customer_raw);
    std::printf("%s %s (%s), available credit %lld cents\n", flx_customer_first_name(customer.get()),
                flx_customer_last_name(customer.get()), flx_customer_account_type(customer.get()),
                static_cast<long long>(flx_customer_available_credit_cents(customer.get())));
    return 0;
}
