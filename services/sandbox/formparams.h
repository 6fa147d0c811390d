#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// An application/x-www-form-urlencoded body or query string, keeping repeated keys in order
// ("FunctionVersions=ZN1&FunctionVersions=ZN2" is a list). '+' means space and %2B a plus,
// which QUrlQuery does not do by itself.
class FormParams
{
public:
    static FormParams parse(const QByteArray &encoded);

    bool contains(const QString &key) const;
    QString value(const QString &key) const; // first value, empty when absent
    QStringList values(const QString &key) const;
    QStringList keys() const;
    bool isEmpty() const { return m_pairs.isEmpty(); }
    void add(const QString &key, const QString &value) { m_pairs.append({key, value}); }
    const QList<QPair<QString, QString>> &pairs() const { return m_pairs; }

    // Encodes back ('+' for space is not used: %20), in insertion order.
    QByteArray encode() const;

private:
    QList<QPair<QString, QString>> m_pairs;
};
