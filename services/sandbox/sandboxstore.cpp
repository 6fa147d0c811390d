#include "sandboxstore.h"

void SandboxStore::insert(const QString &collection, const QJsonObject &record)
{
    Collection &c = m_collections[collection];
    const QString sid = record.value(QLatin1String("sid")).toString();
    if (!c.records.contains(sid))
        c.order.append(sid);
    c.records.insert(sid, record);
    if (m_listener)
        m_listener->stored(collection, record);
}

std::optional<QJsonObject> SandboxStore::find(const QString &collection, const QString &sid) const
{
    const auto c = m_collections.constFind(collection);
    if (c == m_collections.cend())
        return std::nullopt;
    const auto record = c->records.constFind(sid);
    if (record == c->records.cend())
        return std::nullopt;
    return *record;
}

bool SandboxStore::contains(const QString &collection, const QString &sid) const
{
    const auto c = m_collections.constFind(collection);
    return c != m_collections.cend() && c->records.contains(sid);
}

bool SandboxStore::update(const QString &collection, const QJsonObject &record)
{
    const QString sid = record.value(QLatin1String("sid")).toString();
    if (!contains(collection, sid))
        return false;
    m_collections[collection].records.insert(sid, record);
    if (m_listener)
        m_listener->stored(collection, record);
    return true;
}

bool SandboxStore::remove(const QString &collection, const QString &sid)
{
    auto c = m_collections.find(collection);
    if (c == m_collections.end() || !c->records.remove(sid))
        return false;
    c->order.removeOne(sid);
    if (m_listener)
        m_listener->removed(collection, sid);
    return true;
}

QList<QJsonObject> SandboxStore::list(const QString &collection) const
{
    QList<QJsonObject> result;
    const auto c = m_collections.constFind(collection);
    if (c == m_collections.cend())
        return result;
    result.reserve(c->order.size());
    for (const QString &sid : c->order)
        result.append(c->records.value(sid));
    return result;
}

int SandboxStore::size(const QString &collection) const
{
    const auto c = m_collections.constFind(collection);
    return c == m_collections.cend() ? 0 : int(c->order.size());
}
