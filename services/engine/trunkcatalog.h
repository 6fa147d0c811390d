#pragma once

#include "enginecontext.h"
#include "migrationtypes.h"

#include <QHash>
#include <QObject>

struct IncomingPhoneNumber;
struct TwilioError;

// Loads the account's trunks for the Choose-trunk page: each with its termination domain,
// origination URLs, IP access control lists, credential lists and number count. The count
// comes from the numbers' trunk_sid (one paged list for the whole account) rather than from
// each trunk's PhoneNumbers list, which some regions (IE1) do not offer; the same list gives
// the facts the equivalence report needs (emergency addresses, fax numbers, URLs the trunk
// ignored). Emits exactly one of the signals.
class TrunkCatalog : public QObject
{
    Q_OBJECT
public:
    explicit TrunkCatalog(const EngineContext &context, QObject *parent = nullptr);
    void start();

signals:
    void loaded(const QVector<TrunkSummary> &trunks);
    void failed(const OperationError &error);

private:
    void loadDetails(int index);
    void fail(const TwilioError &error);
    void finishIfReady();
    void noteNumber(const IncomingPhoneNumber &number);

    EngineContext m_context;
    QVector<TrunkSummary> m_trunks;
    QHash<QString, int> m_counts;
    QHash<QString, TrunkNumberFacts> m_facts;
    QHash<QString, QHash<QString, int>> m_countries; // trunk -> country -> numbers
    int m_pending = 0;
    bool m_failed = false;
};
