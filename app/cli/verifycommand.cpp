#include "verifycommand.h"

#include "clioutput.h"
#include "numberselection.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {
QJsonArray differencesJson(const QVector<RouteDifference> &differences)
{
    QJsonArray list;
    for (const RouteDifference &d : differences)
        list.append(QJsonObject{{QStringLiteral("field"), d.field},
                                {QStringLiteral("expected"), d.expected},
                                {QStringLiteral("now"), d.actual}});
    return list;
}
} // namespace

void VerifyCommand::start()
{
    if (m_options.phoneNumbers.isEmpty()) {
        verify({});
        return;
    }
    // The engine wants SIDs; numbers off the trunk are listed too (NumberInventory).
    withNumbers(m_options.trunkSid, [this](const QVector<NumberInfo> &numbers) {
        QStringList sids;
        for (const QString &phoneNumber : m_options.phoneNumbers) {
            const NumberInfo *number = NumberSelection::find(numbers, phoneNumber);
            if (!number) {
                fail(ExitCode::Usage, tr("%1 is neither on trunk %2 nor moved off it.")
                                          .arg(phoneNumber, m_options.trunkSid));
                return;
            }
            sids.append(number->sid);
        }
        verify(sids);
    });
}

void VerifyCommand::verify(const QStringList &sids)
{
    VerifyJob *job = m_backend->verify(m_options.trunkSid, sids, m_options.allNumbers);
    follow(job);
    job->onFinished(this, [this](const VerifyReport &report) {
        print(report);
        // Not every point could be checked: that is a failure to verify, not a verdict.
        finish(report.incomplete ? ExitCode::Api
               : report.same()   ? ExitCode::Ok
                                 : ExitCode::Differs);
    });
}

void VerifyCommand::print(const VerifyReport &report)
{
    if (m_out->isJson()) {
        QJsonArray numbers;
        for (const NumberVerification &n : report.numbers)
            numbers.append(
                QJsonObject{{QStringLiteral("sid"), n.sid},
                            {QStringLiteral("phone_number"), n.phoneNumber},
                            {QStringLiteral("moved"), n.moved},
                            {QStringLiteral("checked"), n.checked},
                            {QStringLiteral("note"), n.note},
                            {QStringLiteral("route"), n.route},
                            {QStringLiteral("same"), n.differences.isEmpty()},
                            {QStringLiteral("differences"), differencesJson(n.differences)}});
        m_out->resultJson(QJsonObject{{QStringLiteral("trunk_sid"), report.trunkSid},
                                      {QStringLiteral("method"), report.method},
                                      {QStringLiteral("same"), report.same()},
                                      {QStringLiteral("incomplete"), report.incomplete},
                                      {QStringLiteral("numbers"), numbers},
                                      {QStringLiteral("account"), differencesJson(report.account)},
                                      {QStringLiteral("accepted_changes"),
                                       QJsonArray::fromStringList(report.acceptedChanges)}});
        return;
    }
    QString text =
        tr("Verified %n number(s) of trunk %1 through %2.\n", nullptr, int(report.numbers.size()))
            .arg(report.trunkSid, report.method);
    for (const NumberVerification &n : report.numbers) {
        const QString where = n.moved ? tr("moved") : tr("on the trunk");
        if (!n.checked && n.differences.isEmpty()) {
            text += tr("%1 (%2): not checked: %3\n").arg(n.phoneNumber, where, n.note);
            continue;
        }
        if (n.differences.isEmpty()) {
            text += tr("%1 (%2): same. %3\n").arg(n.phoneNumber, where, n.route);
            continue;
        }
        text += tr("%1 (%2): DIFFERENT\n").arg(n.phoneNumber, where);
        for (const RouteDifference &d : n.differences)
            text += tr("  %1: expected %2; now %3\n").arg(d.field, d.expected, d.actual);
    }
    for (const RouteDifference &d : report.account)
        text += tr("Account, %1: expected %2; now %3\n").arg(d.field, d.expected, d.actual);
    if (!report.acceptedChanges.isEmpty()) {
        text += tr("Changes acknowledged in step 2 (not differences):\n");
        for (const QString &change : report.acceptedChanges)
            text += QStringLiteral("  ") + change + u'\n';
    }
    if (report.incomplete)
        text += tr("Not everything could be checked (see above): this is not a verdict.\n");
    text += report.same() ? tr("Result: same routes as on the trunk.\n")
                          : tr("Result: %n number(s) route differently (or the account does).\n",
                               nullptr, report.differentCount());
    m_out->result(text);
}
