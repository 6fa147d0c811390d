#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The sandbox's in-memory state: named collections of JSON records keyed by SID, in insertion
// order (Twilio lists oldest first). A collection name is a path such as "Trunks" or
// "TK.../PhoneNumbers". Records hold Twilio's field names; dates are ISO 8601 and
// turned into RFC 2822 when a v2010 answer is rendered. Keys starting with '_' are private.
class SandboxStore
{
public:
    // Told of every change once it is made (a kept sandbox writes it through to its file).
    class Listener
    {
    public:
        virtual ~Listener() = default;
        virtual void stored(const QString &collection, const QJsonObject &record) = 0;
        virtual void removed(const QString &collection, const QString &sid) = 0;
    };
    // Not owned; nullptr for none. Not copied by assignment.
    void setListener(Listener *listener) { m_listener = listener; }

    void insert(const QString &collection, const QJsonObject &record);
    std::optional<QJsonObject> find(const QString &collection, const QString &sid) const;
    bool contains(const QString &collection, const QString &sid) const;
    // Replaces an existing record; false when it is not there.
    bool update(const QString &collection, const QJsonObject &record);
    bool remove(const QString &collection, const QString &sid);
    QList<QJsonObject> list(const QString &collection) const;
    int size(const QString &collection) const;
    QStringList collections() const { return m_collections.keys(); }
    // Replaces every record (a kept account loaded from its file); the listener is kept and
    // not told.
    void replaceAll(SandboxStore &&other) { m_collections = std::move(other.m_collections); }

private:
    struct Collection
    {
        QStringList order;
        QHash<QString, QJsonObject> records;
    };
    QHash<QString, Collection> m_collections;
    Listener *m_listener = nullptr;
};
