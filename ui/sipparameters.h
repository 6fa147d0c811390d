#pragma once

#include <QPair>
#include <QString>
#include <QVector>

// The custom SIP URI parameters typed on the Outbound page, as "key=value" pairs separated by
// ';' (the way they will appear on the URI). The handler escapes them, but rejecting odd input
// here tells the user at once instead of failing a call later.
class SipParameters
{
public:
    using Pairs = QVector<QPair<QString, QString>>;

    // Parses `text`; on a problem, pairs() is empty and error() says what is wrong.
    explicit SipParameters(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    Pairs pairs() const { return m_pairs; }

private:
    QString check(const QString &key, const QString &value) const;

    Pairs m_pairs;
    QString m_error;
};
