#include "trunkcatalog.h"

#include "callequivalence.h"
#include "engineerrors.h"
#include "enginelogging.h"
#include "trunkingapi.h"
#include "twilioclient.h"
#include "voiceapi.h"

#include <algorithm>

namespace {
QVector<NamedSid> named(const QList<SipAuthList> &lists)
{
    QVector<NamedSid> out;
    for (const SipAuthList &list : lists)
        out.append(NamedSid{list.sid, list.friendlyName});
    return out;
}
} // namespace

TrunkCatalog::TrunkCatalog(const EngineContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

void TrunkCatalog::start()
{
    m_pending = 2;
    m_context.client->voice().listIncomingPhoneNumbers(
        {}, this, [this](const TwilioResult<QList<IncomingPhoneNumber>> &r) {
            if (!r.ok())
                return fail(r.error);
            for (const IncomingPhoneNumber &n : r.value)
                if (n.trunkSid && !n.trunkSid->isEmpty())
                    noteNumber(n);
            --m_pending;
            finishIfReady();
        });
    m_context.client->trunking().listTrunks(this, [this](const TwilioResult<QList<Trunk>> &r) {
        if (!r.ok())
            return fail(r.error);
        for (const Trunk &trunk : r.value) {
            TrunkSummary summary;
            summary.sid = trunk.sid;
            summary.friendlyName = trunk.friendlyName;
            summary.terminationDomain = trunk.domainName;
            summary.secure = trunk.secure;
            TrunkCallSettings &calls = summary.calls;
            // Twilio's defaults stand in for a field an older answer lacks.
            const auto orDefault = [](const QString &value, const QString &fallback) {
                return value.isEmpty() ? fallback : value;
            };
            calls.recordingMode = orDefault(trunk.recordingMode, calls.recordingMode);
            calls.recordingTrim = orDefault(trunk.recordingTrim, calls.recordingTrim);
            if (trunk.recordingMode.isEmpty())
                calls.unknown.append(QStringLiteral("recording")); // unless /Recording says
            if (trunk.transferMode.isEmpty())
                calls.unknown.append(QStringLiteral("transfers"));
            calls.transferMode = orDefault(trunk.transferMode, calls.transferMode);
            calls.transferCallerId = orDefault(trunk.transferCallerId, calls.transferCallerId);
            calls.cnamLookupEnabled = trunk.cnamLookupEnabled;
            calls.symmetricRtpEnabled = trunk.symmetricRtpEnabled;
            calls.disasterRecoveryUrl = trunk.disasterRecoveryUrl.value_or(QString());
            calls.disasterRecoveryMethod = orDefault(
                trunk.disasterRecoveryMethod.value_or(QString()), calls.disasterRecoveryMethod);
            m_trunks.append(summary);
        }
        for (int i = 0; i < m_trunks.size(); ++i)
            loadDetails(i);
        --m_pending;
        finishIfReady();
    });
}

void TrunkCatalog::loadDetails(int index)
{
    const QString sid = m_trunks.at(index).sid;
    m_pending += 4;
    TrunkingApi &api = m_context.client->trunking();
    // The Recording subresource is the trunk's own word on recording; without it (an error, a
    // region without it) the trunk's `recording` property stands, or the setting is unknown.
    api.fetchTrunkRecording(sid, this, [this, index](const TwilioResult<TrunkRecording> &r) {
        TrunkCallSettings &calls = m_trunks[index].calls;
        if (r.ok() && !r.value.mode.isEmpty()) {
            calls.recordingMode = r.value.mode;
            if (!r.value.trim.isEmpty())
                calls.recordingTrim = r.value.trim;
            calls.unknown.removeAll(QStringLiteral("recording"));
        } else if (!r.ok()) {
            qCInfo(lcEngine) << "trunk" << m_trunks.at(index).sid
                             << "recording not read:" << r.error.message;
        }
        --m_pending;
        finishIfReady();
    });
    api.listOriginationUrls(sid, this, [this, index](const TwilioResult<QList<OriginationUrl>> &r) {
        if (!r.ok())
            return fail(r.error);
        for (const OriginationUrl &url : r.value)
            m_trunks[index].originationUrls.append(OriginationInfo{
                url.sid, url.friendlyName, url.sipUrl, url.priority, url.weight, url.enabled});
        --m_pending;
        finishIfReady();
    });
    api.listTrunkIpAccessControlLists(sid, this,
                                      [this, index](const TwilioResult<QList<SipAuthList>> &r) {
                                          if (!r.ok())
                                              return fail(r.error);
                                          m_trunks[index].ipAccessControlLists = named(r.value);
                                          --m_pending;
                                          finishIfReady();
                                      });
    api.listTrunkCredentialLists(sid, this,
                                 [this, index](const TwilioResult<QList<SipAuthList>> &r) {
                                     if (!r.ok())
                                         return fail(r.error);
                                     m_trunks[index].credentialLists = named(r.value);
                                     --m_pending;
                                     finishIfReady();
                                 });
}

void TrunkCatalog::noteNumber(const IncomingPhoneNumber &n)
{
    const QString trunkSid = *n.trunkSid;
    ++m_counts[trunkSid];
    TrunkNumberFacts &facts = m_facts[trunkSid];
    if (n.hasEmergencyAddress())
        facts.emergencyNumbers.append(NumberUrl{n.sid, n.phoneNumber, {}});
    if (n.isFax())
        facts.faxNumbers.append(NumberUrl{n.sid, n.phoneNumber, {}});
    // While a number is on a trunk Twilio ignores these; off the trunk they work again.
    if (const QString url = n.voiceFallbackUrl.value_or(QString()); !url.isEmpty())
        facts.staleFallbackUrls.append(NumberUrl{n.sid, n.phoneNumber, url});
    if (const QString url = n.statusCallback.value_or(QString()); !url.isEmpty())
        facts.staleStatusCallbacks.append(NumberUrl{n.sid, n.phoneNumber, url});
    if (const QString country = CallEquivalence::countryOf(n.phoneNumber); !country.isEmpty())
        ++m_countries[trunkSid][country];
}

void TrunkCatalog::fail(const TwilioError &error)
{
    if (m_failed)
        return;
    m_failed = true;
    emit failed(EngineErrors::withContext(EngineErrors::fromTwilio(error),
                                          tr("Reading the trunks failed")));
}

void TrunkCatalog::finishIfReady()
{
    if (m_failed || m_pending > 0)
        return;
    for (TrunkSummary &trunk : m_trunks) {
        trunk.numberCount = m_counts.value(trunk.sid);
        trunk.numbers = m_facts.value(trunk.sid);
        const QHash<QString, int> countries = m_countries.value(trunk.sid);
        QStringList byFrequency = countries.keys();
        std::sort(byFrequency.begin(), byFrequency.end(), [&](const QString &a, const QString &b) {
            return countries.value(a) != countries.value(b)
                       ? countries.value(a) > countries.value(b)
                       : a < b;
        });
        trunk.numbers.countries = byFrequency;
    }
    emit loaded(m_trunks);
}
