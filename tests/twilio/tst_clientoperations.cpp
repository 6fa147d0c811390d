// Every account, number, trunk, SIP-domain and call operation of the client against the
// in-process sandbox, checking the sandbox state each changes.
#include "sandboxfixture.h"
#include "sipdomainapi.h"
#include "trunkingapi.h"
#include "voiceapi.h"

#include <QSet>

class TestClientOperations : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void fetchAccountHidesAuthToken();
    void apiKeyAuthentication();
    void trunksAndTheirLists();
    void accountSipLists();
    void removeAndAddTrunkNumber();
    void listNumbersFilteredByE164();
    void updateNumberSendsOnlyGivenFields();
    void sipDomainLifecycle();
    void domainMappings();
    void callsListWithFilters();
    void deleteTrunk();
    void malformedSidsSendNothing();

private:
    std::unique_ptr<SandboxFixture> f;
    IncomingPhoneNumber firstNumber();
};

void TestClientOperations::init()
{
    SandboxOptions options;
    options.numbers = 20;
    f = std::make_unique<SandboxFixture>(options);
    const QString problem = f->start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestClientOperations::cleanup()
{
    f.reset();
}

IncomingPhoneNumber TestClientOperations::firstNumber()
{
    Waiter<QList<IncomingPhoneNumber>> w;
    f->client().voice().listIncomingPhoneNumbers({}, f->context(), w.callback());
    if (!w.wait() || !w.result->ok() || w.value().isEmpty())
        return {};
    return w.value().first();
}

void TestClientOperations::fetchAccountHidesAuthToken()
{
    Waiter<TwilioAccount> w;
    f->client().voice().fetchAccount(f->context(), w.callback());
    TM_WAIT_OK(w);
    QCOMPARE(w.value().sid, f->server().accountSid());
    QCOMPARE(w.result->reply.httpStatus, 200);
    QVERIFY(w.result->reply.requestId.startsWith(QLatin1String("RQ")));
    QVERIFY(!w.value().status.isEmpty());
    QVERIFY(!w.value().raw.contains(QLatin1String("auth_token")));
    QCOMPARE(w.calls, 1);
}

void TestClientOperations::apiKeyAuthentication()
{
    TwilioClient client;
    const TwilioCredentials key{f->server().accountSid(), f->server().apiKeySid(),
                                f->server().apiKeySecret()};
    QVERIFY(client.configure(key, f->endpoint()).isEmpty());
    Waiter<QList<Trunk>> w;
    client.trunking().listTrunks(f->context(), w.callback());
    TM_WAIT_OK(w);
    QVERIFY(!w.value().isEmpty());
    // v2010 paths still name the account (AC…), not the key.
    Waiter<QList<IncomingPhoneNumber>> numbers;
    client.voice().listIncomingPhoneNumbers({}, f->context(), numbers.callback());
    TM_WAIT_OK(numbers);
    QVERIFY(numbers.value().size() >= 20);
}

void TestClientOperations::trunksAndTheirLists()
{
    const QString trunkSid = f->server().trunkSid();
    Waiter<QList<Trunk>> trunks;
    f->client().trunking().listTrunks(f->context(), trunks.callback());
    TM_WAIT_OK(trunks);
    QVERIFY(std::any_of(trunks.value().cbegin(), trunks.value().cend(),
                        [&](const Trunk &t) { return t.sid == trunkSid; }));

    Waiter<Trunk> trunk;
    f->client().trunking().fetchTrunk(trunkSid, f->context(), trunk.callback());
    TM_WAIT_OK(trunk);
    QVERIFY(trunk.value().domainName.endsWith(QLatin1String("pstn.twilio.com")));

    Waiter<QList<OriginationUrl>> origination;
    f->client().trunking().listOriginationUrls(trunkSid, f->context(), origination.callback());
    TM_WAIT_OK(origination);
    QCOMPARE(origination.value().size(), 3);
    QVERIFY(origination.value().first().sipUrl.startsWith(QLatin1String("sip:")));

    Waiter<QList<SipAuthList>> acls;
    f->client().trunking().listTrunkIpAccessControlLists(trunkSid, f->context(), acls.callback());
    TM_WAIT_OK(acls);
    QCOMPARE(acls.value().size(), 1);
    QVERIFY(acls.value().first().sid.startsWith(QLatin1String("AL")));

    Waiter<QList<SipAuthList>> credentials;
    f->client().trunking().listTrunkCredentialLists(trunkSid, f->context(), credentials.callback());
    TM_WAIT_OK(credentials);
    QCOMPARE(credentials.value().size(), 1);
    QVERIFY(credentials.value().first().sid.startsWith(QLatin1String("CL")));

    Waiter<QList<IncomingPhoneNumber>> numbers;
    f->client().trunking().listTrunkPhoneNumbers(trunkSid, f->context(), numbers.callback());
    TM_WAIT_OK(numbers);
    QCOMPARE(numbers.value().size(), 20);
    QCOMPARE(numbers.value().first().trunkSid, trunkSid);
}

void TestClientOperations::accountSipLists()
{
    Waiter<QList<SipAuthList>> acls;
    f->client().voice().listIpAccessControlLists(f->context(), acls.callback());
    TM_WAIT_OK(acls);
    QVERIFY(!acls.value().isEmpty());
    Waiter<QList<SipAuthList>> credentials;
    f->client().voice().listCredentialLists(f->context(), credentials.callback());
    TM_WAIT_OK(credentials);
    QVERIFY(!credentials.value().isEmpty());
}

void TestClientOperations::removeAndAddTrunkNumber()
{
    const QString trunkSid = f->server().trunkSid();
    const IncomingPhoneNumber number = firstNumber();
    QVERIFY(!number.sid.isEmpty());
    QCOMPARE(number.trunkSid.value_or(QString()), trunkSid);

    Waiter<TwilioNoContent> removed;
    f->client().trunking().removeTrunkPhoneNumber(trunkSid, number.sid, f->context(),
                                                  removed.callback());
    TM_WAIT_OK(removed);

    Waiter<IncomingPhoneNumber> afterRemove;
    f->client().voice().fetchIncomingPhoneNumber(number.sid, f->context(), afterRemove.callback());
    TM_WAIT_OK(afterRemove);
    QVERIFY(!afterRemove.value().trunkSid.has_value()); // null, not ""

    Waiter<IncomingPhoneNumber> gone;
    f->client().trunking().fetchTrunkPhoneNumber(trunkSid, number.sid, f->context(),
                                                 gone.callback());
    QVERIFY(gone.wait());
    QCOMPARE(gone.error().kind, TwilioError::Kind::Api);
    QCOMPARE(gone.error().httpStatus, 404);
    QCOMPARE(gone.error().code, 20404);

    Waiter<IncomingPhoneNumber> added;
    f->client().trunking().addTrunkPhoneNumber(trunkSid, number.sid, f->context(),
                                               added.callback());
    TM_WAIT_OK(added);
    QCOMPARE(added.value().sid, number.sid);
    QCOMPARE(added.value().trunkSid, trunkSid);

    Waiter<IncomingPhoneNumber> back;
    f->client().trunking().fetchTrunkPhoneNumber(trunkSid, number.sid, f->context(),
                                                 back.callback());
    TM_WAIT_OK(back);
    QCOMPARE(back.value().phoneNumber, number.phoneNumber);
}

void TestClientOperations::listNumbersFilteredByE164()
{
    const IncomingPhoneNumber number = firstNumber();
    QVERIFY(number.phoneNumber.startsWith(QLatin1Char('+')));
    // A '+' sent unencoded would arrive as a space and match nothing.
    Waiter<QList<IncomingPhoneNumber>> w;
    f->client().voice().listIncomingPhoneNumbers(PhoneNumberFilter{number.phoneNumber, {}},
                                                 f->context(), w.callback());
    TM_WAIT_OK(w);
    QCOMPARE(w.value().size(), 1);
    QCOMPARE(w.value().first().sid, number.sid);
}

void TestClientOperations::updateNumberSendsOnlyGivenFields()
{
    const IncomingPhoneNumber before = firstNumber();
    IncomingPhoneNumberUpdate update;
    update.voiceUrl = QStringLiteral("https://handler.example.com/outbound?x=1&y=+2");
    update.voiceMethod = QStringLiteral("GET");
    update.voiceFallbackUrl = QString(); // cleared
    Waiter<IncomingPhoneNumber> w;
    f->client().voice().updateIncomingPhoneNumber(before.sid, update, f->context(), w.callback());
    TM_WAIT_OK(w);
    QCOMPARE(w.value().voiceUrl.value_or(QString()), *update.voiceUrl);
    QCOMPARE(w.value().voiceMethod.value_or(QString()), QStringLiteral("GET"));
    QVERIFY(w.value().voiceFallbackUrl.value_or(QString()).isEmpty());
    // Fields not sent keep their values.
    QCOMPARE(w.value().statusCallback, before.statusCallback);
    QCOMPARE(w.value().friendlyName, before.friendlyName);
    QCOMPARE(w.value().trunkSid, before.trunkSid);

    Waiter<IncomingPhoneNumber> fetched;
    f->client().voice().fetchIncomingPhoneNumber(before.sid, f->context(), fetched.callback());
    TM_WAIT_OK(fetched);
    QCOMPARE(fetched.value().voiceUrl, w.value().voiceUrl);

    IncomingPhoneNumberUpdate bad;
    bad.voiceUrl = QStringLiteral("http://public.example.com/x"); // Twilio must call https
    Waiter<IncomingPhoneNumber> refused;
    f->client().voice().updateIncomingPhoneNumber(before.sid, bad, f->context(),
                                                  refused.callback());
    QVERIFY(refused.wait());
    QCOMPARE(refused.error().kind, TwilioError::Kind::InvalidInput);
}

void TestClientOperations::sipDomainLifecycle()
{
    SipDomainParams params;
    params.domainName = QStringLiteral("acme-test-1.sip.twilio.com");
    params.friendlyName = QStringLiteral("Acme test");
    params.voiceUrl = QStringLiteral("https://handler.example.com/inbound");
    params.secure = true;
    Waiter<SipDomain> created;
    f->client().sipDomains().createSipDomain(params, f->context(), created.callback());
    TM_WAIT_OK(created);
    QCOMPARE(created.result->reply.httpStatus, 201);
    const QString sid = created.value().sid;
    QVERIFY(sid.startsWith(QLatin1String("SD")));
    QVERIFY(created.value().secure);

    Waiter<SipDomain> duplicate;
    f->client().sipDomains().createSipDomain(params, f->context(), duplicate.callback());
    QVERIFY(duplicate.wait());
    QCOMPARE(duplicate.error().kind, TwilioError::Kind::Api);
    QCOMPARE(duplicate.error().code, 21232);

    Waiter<QList<SipDomain>> list;
    f->client().sipDomains().listSipDomains(f->context(), list.callback());
    TM_WAIT_OK(list);
    QCOMPARE(std::count_if(list.value().cbegin(), list.value().cend(),
                           [&](const SipDomain &d) { return d.sid == sid; }),
             1);

    SipDomainParams change;
    change.friendlyName = QStringLiteral("Renamed");
    Waiter<SipDomain> updated;
    f->client().sipDomains().updateSipDomain(sid, change, f->context(), updated.callback());
    TM_WAIT_OK(updated);
    QCOMPARE(updated.value().friendlyName, QStringLiteral("Renamed"));
    QCOMPARE(updated.value().voiceUrl, created.value().voiceUrl);

    Waiter<SipDomain> fetched;
    f->client().sipDomains().fetchSipDomain(sid, f->context(), fetched.callback());
    TM_WAIT_OK(fetched);
    QCOMPARE(fetched.value().domainName, *params.domainName);

    Waiter<TwilioNoContent> deleted;
    f->client().sipDomains().deleteSipDomain(sid, f->context(), deleted.callback());
    TM_WAIT_OK(deleted);
    Waiter<SipDomain> missing;
    f->client().sipDomains().fetchSipDomain(sid, f->context(), missing.callback());
    QVERIFY(missing.wait());
    QCOMPARE(missing.error().httpStatus, 404);
}

void TestClientOperations::domainMappings()
{
    SipDomainParams params;
    params.domainName = QStringLiteral("acme-map.sip.twilio.com");
    Waiter<SipDomain> domain;
    f->client().sipDomains().createSipDomain(params, f->context(), domain.callback());
    TM_WAIT_OK(domain);
    const QString sd = domain.value().sid;
    Waiter<QList<SipAuthList>> acls;
    f->client().voice().listIpAccessControlLists(f->context(), acls.callback());
    TM_WAIT_OK(acls);
    Waiter<QList<SipAuthList>> cls;
    f->client().voice().listCredentialLists(f->context(), cls.callback());
    TM_WAIT_OK(cls);
    const QString al = acls.value().first().sid;
    const QString cl = cls.value().first().sid;

    auto &sip = f->client().sipDomains();
    Waiter<SipAuthList> aclMap;
    sip.createIpAccessControlListMapping(sd, al, f->context(), aclMap.callback());
    TM_WAIT_OK(aclMap);
    QCOMPARE(aclMap.value().sid, al);
    Waiter<SipAuthList> clMap;
    sip.createCredentialListMapping(sd, cl, f->context(), clMap.callback());
    TM_WAIT_OK(clMap);
    QCOMPARE(clMap.value().sid, cl);

    Waiter<QList<SipAuthList>> aclMaps;
    sip.listIpAccessControlListMappings(sd, f->context(), aclMaps.callback());
    TM_WAIT_OK(aclMaps);
    QCOMPARE(aclMaps.value().size(), 1);
    QCOMPARE(aclMaps.value().first().sid, al);
    Waiter<QList<SipAuthList>> clMaps;
    sip.listCredentialListMappings(sd, f->context(), clMaps.callback());
    TM_WAIT_OK(clMaps);
    QCOMPARE(clMaps.value().size(), 1);

    Waiter<TwilioNoContent> unmapAcl;
    sip.deleteIpAccessControlListMapping(sd, al, f->context(), unmapAcl.callback());
    TM_WAIT_OK(unmapAcl);
    Waiter<TwilioNoContent> unmapCl;
    sip.deleteCredentialListMapping(sd, cl, f->context(), unmapCl.callback());
    TM_WAIT_OK(unmapCl);
    Waiter<QList<SipAuthList>> empty;
    sip.listIpAccessControlListMappings(sd, f->context(), empty.callback());
    TM_WAIT_OK(empty);
    QVERIFY(empty.value().isEmpty());
}

void TestClientOperations::callsListWithFilters()
{
    const IncomingPhoneNumber number = firstNumber();
    // The sandbox's control endpoint records a test call's legs (not a Twilio API).
    Waiter<TwilioAccount> simulated; // any parser will do: only success matters
    f->client().fetchAs<TwilioAccount>(
        TwilioRequest::create(TwilioHosts::Product::Api, QStringLiteral("/_sandbox/SimulateCall"),
                              {{QStringLiteral("From"), QStringLiteral("+61412345678")},
                               {QStringLiteral("To"), number.phoneNumber}}),
        f->context(), simulated.callback(), &TwilioAccount::fromJson);
    TM_WAIT_OK(simulated);

    CallFilter filter;
    filter.to = number.phoneNumber;
    filter.startTimeAfter = QStringLiteral("2000-01-01");
    Waiter<QList<CallRecord>> calls;
    f->client().voice().listCalls(filter, f->context(), calls.callback());
    TM_WAIT_OK(calls);
    QVERIFY(!calls.value().isEmpty());
    QCOMPARE(calls.value().first().to, number.phoneNumber);
    QCOMPARE(calls.value().first().from, QStringLiteral("+61412345678"));
    QVERIFY(calls.value().first().sid.startsWith(QLatin1String("CA")));

    filter.startTimeAfter = QStringLiteral("2999-01-01");
    Waiter<QList<CallRecord>> none;
    f->client().voice().listCalls(filter, f->context(), none.callback());
    TM_WAIT_OK(none);
    QVERIFY(none.value().isEmpty());
}

void TestClientOperations::deleteTrunk()
{
    const QString trunkSid = f->server().trunkSid();
    Waiter<TwilioNoContent> deleted;
    f->client().trunking().deleteTrunk(trunkSid, f->context(), deleted.callback());
    TM_WAIT_OK(deleted);
    Waiter<Trunk> gone;
    f->client().trunking().fetchTrunk(trunkSid, f->context(), gone.callback());
    QVERIFY(gone.wait());
    QCOMPARE(gone.error().httpStatus, 404);
}

void TestClientOperations::malformedSidsSendNothing()
{
    const quint64 before = f->server().requestCount();
    Waiter<Trunk> trunk;
    f->client().trunking().fetchTrunk(QStringLiteral("TK123"), f->context(), trunk.callback());
    Waiter<TwilioNoContent> removal;
    f->client().trunking().removeTrunkPhoneNumber(
        f->server().trunkSid(), QStringLiteral("PN../../Trunks"), f->context(), removal.callback());
    Waiter<SipDomain> domain;
    f->client().sipDomains().fetchSipDomain(QStringLiteral("AL0123456789abcdef0123456789abcdef"),
                                            f->context(), domain.callback());
    Waiter<IncomingPhoneNumber> number;
    f->client().voice().updateIncomingPhoneNumber(
        QStringLiteral("PN0123456789abcdef0123456789abcdef"), {}, f->context(), number.callback());
    QVERIFY(trunk.wait() && removal.wait() && domain.wait() && number.wait());
    for (const TwilioError *e :
         {&trunk.error(), &removal.error(), &domain.error(), &number.error()})
        QCOMPARE(e->kind, TwilioError::Kind::InvalidInput);
    QVERIFY(trunk.error().message.contains(QLatin1String("TK123")));
    QCOMPARE(f->server().requestCount(), before);
}

QTEST_GUILESS_MAIN(TestClientOperations)
#include "tst_clientoperations.moc"
