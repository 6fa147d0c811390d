#pragma once

#include "numberstatetext.h"

#include <QVector>

// Deterministic rows for the model tests and the benchmark: numbers of three lengths in a
// scrambled order, mixed-case names, several voice URLs and every state.
namespace NumberFixture {

inline QString sidFor(int i)
{
    return QStringLiteral("PN%1").arg(i, 32, 16, QChar(u'0'));
}

// A failure as the engine reports it: message, Twilio code and its link.
inline OperationError error(const QString &message, int code = 0)
{
    OperationError e;
    e.message = message;
    e.twilioCode = code;
    if (code != 0)
        e.moreInfo = QUrl(QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
    return e;
}

inline NumberInfo makeRow(int i, int total)
{
    // A multiplier coprime with `total` visits every index once, out of order.
    const qint64 scrambled = (qint64(i) * 7919) % qMax(total, 1);
    NumberInfo row;
    row.sid = sidFor(i);
    switch (i % 3) {
    case 0:
        row.phoneNumber = QStringLiteral("+1415%1").arg(scrambled, 7, 10, QChar(u'0'));
        break;
    case 1:
        row.phoneNumber = QStringLiteral("+4420%1").arg(scrambled, 8, 10, QChar(u'0'));
        break;
    default:
        row.phoneNumber = QStringLiteral("+612%1").arg(scrambled, 8, 10, QChar(u'0'));
        break;
    }
    row.friendlyName = (i % 2 ? QStringLiteral("Sales Line %1") : QStringLiteral("support desk %1"))
                           .arg(scrambled);
    row.voiceUrl = i % 5 == 0 ? QStringLiteral("https://demo.twilio.com/welcome/voice/")
                              : QStringLiteral("https://pbx.example.com/in/%1").arg(i % 100);
    row.state = NumberState(i % NumberStateCount);
    if (row.state == NumberState::Failed) {
        row.lastError = error(QStringLiteral("The requested resource was not found"), 20404);
    }
    return row;
}

// `total` must not share a factor with 7919 (a prime), which holds for any count below it
// and for round numbers such as 100,000.
inline QVector<NumberInfo> makeRows(int total)
{
    QVector<NumberInfo> rows;
    rows.reserve(total);
    for (int i = 0; i < total; ++i)
        rows.append(makeRow(i, total));
    return rows;
}

} // namespace NumberFixture
