#pragma once

#include "operationrunner.h"
#include "twiliorequest.h"

#include <QCoreApplication>

#include <initializer_list>
#include <optional>

// A SID argument and what the user calls it; `what` is marked
// QT_TRANSLATE_NOOP("TwilioClient", ...) where it is written.
struct SidArgument
{
    QString value;
    const char *prefix; // "TK", "PN", ...
    const char *what;   // "The trunk SID"
};

// One REST operation described as data: the request (method, host, path, query, form), the
// status Twilio answers when it works, how a list is read or a lost create found again, and,
// when the input is bad, why it must not be sent at all. The *Requests builders make these
// without a client or a server, so a test checks each operation offline
// (tst_restoperations); TwilioClient::send() sends them through its one transport.
struct RestOperation
{
    TwilioRequest request;
    int expectedStatus = 200;           // 201 for a create, 204 for a delete
    QString listKey;                    // a list: the array of each page
    std::optional<CreateLookup> lookup; // a create: how to find it after a lost answer
    TwilioError problem;                // set: invalid input, nothing is sent

    bool isList() const { return !listKey.isEmpty(); }
    bool isCreate() const { return request.kind == RetryPolicy::RequestKind::Create; }

    static RestOperation fetch(TwilioHosts::Product product, const QString &path,
                               const FormFields &query = {});
    static RestOperation list(TwilioHosts::Product product, const QString &path,
                              const QString &listKey, const FormFields &query = {});
    static RestOperation update(TwilioHosts::Product product, const QString &path,
                                const FormFields &form);
    static RestOperation create(TwilioHosts::Product product, const QString &path,
                                const FormFields &form, std::optional<CreateLookup> lookup);
    static RestOperation remove(TwilioHosts::Product product, const QString &path);

    // The checks, in the order written; the first that fails is the problem.
    RestOperation &checkSids(std::initializer_list<SidArgument> sids);
    RestOperation &check(const QString &problem); // empty = fine

    static TwilioError invalidInput(const QString &message);
    static TwilioError checkSid(const SidArgument &sid); // {} when fine
    // "/2010-04-01/Accounts/AC…" + suffix
    static QString accountPath(const QString &accountSid, const QString &suffix);
};
