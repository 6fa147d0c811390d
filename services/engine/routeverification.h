#pragma once

#include "enginecontext.h"
#include "migrationtypes.h"
#include "savedcalls.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class WebhookClient;

// `verify` (issue 9 §3, docs/VERIFY.md): for each chosen number of the trunk, the route a PSTN
// call took on the trunk (ExpectedRoute: the trunk's settings now, with step 2's saved
// choices) against the route it takes now (HandlerProbe: the deployed handler run by signed
// synthetic requests): for a number off the trunk through its own voice URL, for one still on
// it through the handler it will get. On the sandbox each moved number also gets a real
// simulated call (/_sandbox/SimulateCall), and a PBX call to an emergency number must reach
// emergency routing. Reads only; changes nothing but the sandbox's call log. Emits one signal.
class RouteVerification : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        SavedCalls calls;      // step 2's, with its RouteSpec
        InboundResult inbound; // step 1's SIP domain (domainSid, domainName); may be empty
        QByteArray authToken;  // signs the requests; never logged
        QUrl sandboxBase;      // the sandbox's base URL, else invalid
    };

    RouteVerification(const EngineContext &context, const Setup &setup, QObject *parent = nullptr);
    // Of the trunk's rows (NumberInventory): the SIDs given, else every number (all), else the
    // numbers off the trunk. Empty with *problem when a SID is not the trunk's or none moved.
    static QVector<NumberInfo> choose(const QVector<NumberInfo> &rows, const QStringList &sids,
                                      bool all, QString *problem);
    // rows, plus step 2's test number when it is named and is not among them (a spare one).
    QVector<NumberInfo> withTestNumber(const QVector<NumberInfo> &rows,
                                       const QStringList &sids) const;
    // Reads the trunk (TrunkSummaryLoader; `known` from the last listing) and its numbers
    // (NumberInventory), then verifies the ones choose() picks.
    void start(const QString &trunkSid, const QVector<TrunkSummary> &known,
               const QStringList &numberSids, bool all);

    static constexpr int Parallel = 4;
    // Twilio's test number for a From that is always valid (magic test credentials).
    static constexpr QLatin1String Caller{"+15005550006"};

signals:
    void progress(int done, int total);
    void finished(const VerifyReport &report);
    void failed(const OperationError &error); // before any number was verified

private:
    void verifyNumbers(const QVector<NumberInfo> &numbers);
    void next();
    void verifyNumber(int index);
    void compareRoute(int index, const QUrl &voiceUrl);
    void simulate(int index);
    void numberDone(int index);
    void verifyEmergency();
    void accountDone();
    QString emergencyCaller() const;
    void finishIfDone();

    EngineContext m_context;
    Setup m_setup;
    TrunkSummary m_trunk;
    QNetworkAccessManager *m_network;
    WebhookClient *m_webhooks;
    QVector<NumberInfo> m_numbers;
    VerifyReport m_report;
    int m_next = 0;
    int m_done = 0;
    bool m_accountDone = false;
    bool m_finished = false;
};
