#include "numbersearchkeys.h"

namespace {

constexpr QChar kSeparator(u'\x1f');

// The separator must not occur inside a field, or the field bounds would be wrong.
QString cleaned(const QString &field)
{
    if (!field.contains(kSeparator))
        return field;
    QString copy = field;
    return copy.replace(kSeparator, QLatin1Char(' '));
}

qint64 e164Value(const QString &number)
{
    if (number.size() < 2 || number.size() > 16 || number.front() != u'+')
        return -1;
    qint64 value = 0;
    for (int i = 1; i < number.size(); ++i) {
        const QChar c = number.at(i);
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

} // namespace

NumberSearchKeys::NumberSearchKeys(const NumberInfo &row)
    : m_number(e164Value(row.phoneNumber))
{
    setState(row.state);
    // Lower-cased field by field: case mapping may change a field's length (U+0130 becomes
    // two code units), so the bounds are taken after it.
    const QString number = cleaned(row.phoneNumber).toLower();
    const QString name = cleaned(row.friendlyName).toLower();
    const QString sid = cleaned(row.sid).toLower();
    const QString url = cleaned(row.voiceUrl).toLower();
    m_nameBegin = int(number.size()) + 1;
    m_sidBegin = m_nameBegin + int(name.size()) + 1;
    m_urlBegin = m_sidBegin + int(sid.size()) + 1;
    m_text.reserve(m_urlBegin + url.size());
    m_text.append(number).append(kSeparator).append(name).append(kSeparator).append(sid);
    m_text.append(kSeparator).append(url);
}

void NumberSearchKeys::setState(NumberState state)
{
    // 15 digits stay below 2^50; anything not E.164 gets 2^50, after every real number.
    constexpr quint64 notE164 = quint64(1) << 50;
    m_state = state;
    m_stateNumber = (quint64(state) << 56) | (m_number >= 0 ? quint64(m_number) : notE164);
}

int NumberSearchKeys::compareNumbers(const NumberSearchKeys &a, const NumberSearchKeys &b)
{
    if (a.m_number >= 0 && b.m_number >= 0)
        return a.m_number < b.m_number ? -1 : (a.m_number > b.m_number ? 1 : 0);
    if (a.m_number >= 0 || b.m_number >= 0)
        return a.m_number >= 0 ? -1 : 1;
    const QStringView na = a.field(0, a.m_nameBegin);
    const QStringView nb = b.field(0, b.m_nameBegin);
    if (na.size() != nb.size())
        return na.size() < nb.size() ? -1 : 1;
    return na.compare(nb);
}
