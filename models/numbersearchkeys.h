#pragma once

#include "numberstatetext.h"

#include <QString>
#include <QStringView>

// What the filter and the sort need from a row, computed once when the row is set so that
// filtering and sorting 100,000 rows neither allocate nor fold case per comparison: one
// lower-case text holding the number, friendly name, SID and voice URL, where each field sits
// in it, the phone number as an integer, and the state.
class NumberSearchKeys
{
public:
    NumberSearchKeys() = default;
    explicit NumberSearchKeys(const NumberInfo &row);

    // Lower-case "number␟friendly name␟sid␟voice url" (␟ = U+001F, which nobody types, so a
    // query cannot match across two fields).
    const QString &text() const { return m_text; }
    bool contains(QStringView lowerNeedle) const { return m_text.contains(lowerNeedle); }

    // Kept here too so sorting by state reads one compact array, not the row data.
    NumberState state() const { return m_state; }
    void setState(NumberState state);
    // State in the top bits, the E.164 number below: one integer comparison orders rows by
    // state then number. Rows whose numbers are not E.164 tie here; see compareNumbers().
    quint64 stateNumberKey() const { return m_stateNumber; }

    QStringView friendlyName() const { return field(m_nameBegin, m_sidBegin); }
    QStringView voiceUrl() const { return field(m_urlBegin, int(m_text.size()) + 1); }

    // Numeric order of phone numbers; E.164 ("+" and at most 15 digits) compares as integers,
    // anything else by length then text, after every E.164 number.
    static int compareNumbers(const NumberSearchKeys &a, const NumberSearchKeys &b);

private:
    QStringView field(int begin, int nextBegin) const
    {
        return QStringView(m_text).mid(begin, nextBegin - 1 - begin);
    }

    QString m_text;
    qint64 m_number = -1; // -1 when the number is not E.164
    NumberState m_state = NumberState::OnTrunk;
    quint64 m_stateNumber = 0;
    int m_nameBegin = 0;
    int m_sidBegin = 0;
    int m_urlBegin = 0;
};
