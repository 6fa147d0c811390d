#include "sandboxfaults.h"

#include <QCoreApplication>

namespace {
struct Knob
{
    const char *name;
    double FaultSettings::*rate; // a fraction
    int FaultSettings::*ms;      // or milliseconds
};

const Knob Knobs[] = {
    {"fail_rate", &FaultSettings::failRate, nullptr},
    {"fail_writes", &FaultSettings::failWrites, nullptr},
    {"drop_rate", &FaultSettings::dropRate, nullptr},
    {"apply_then_drop", &FaultSettings::applyThenDrop, nullptr},
    {"apply_then_5xx", &FaultSettings::applyThen5xx, nullptr},
    {"ignore_write", &FaultSettings::ignoreWrite, nullptr},
    {"delay_apply_ms", nullptr, &FaultSettings::delayApplyMs},
    {"delay_apply_rate", &FaultSettings::delayApplyRate, nullptr},
    {"stall_body", &FaultSettings::stallBody, nullptr},
    {"oversize_body", &FaultSettings::oversizeBody, nullptr},
};
} // namespace

QJsonObject FaultSettings::toJson() const
{
    QJsonObject object;
    for (const Knob &knob : Knobs) {
        const QString key = QString::fromLatin1(knob.name);
        if (knob.rate)
            object.insert(key, this->*knob.rate);
        else
            object.insert(key, this->*knob.ms);
    }
    return object;
}

bool FaultSettings::apply(const QHash<QString, QString> &form, QString *error)
{
    FaultSettings next = *this;
    for (const Knob &knob : Knobs) {
        const auto found = form.constFind(QString::fromLatin1(knob.name));
        if (found == form.cend())
            continue;
        bool ok = false;
        const double value = found->toDouble(&ok);
        const double high = knob.rate ? 1.0 : 600000.0;
        if (!ok || value < 0 || value > high) {
            *error = QCoreApplication::translate("FaultSettings",
                                                 "%1 must be a number from 0 to %2, not \"%3\".")
                         .arg(QString::fromLatin1(knob.name))
                         .arg(high)
                         .arg(*found);
            return false;
        }
        if (knob.rate)
            next.*knob.rate = value;
        else
            next.*knob.ms = int(value);
    }
    *this = next;
    return true;
}

SandboxFaults::SandboxFaults(quint32 seed)
    // A different stream from the data seeder, so turning faults on does not change the data.
    : m_random(seed ^ 0x9e3779b9u)
    , m_hardRandom(seed ^ 0x5bd1e995u)
{}

void SandboxFaults::setMethodFailRate(const QByteArray &method, double rate)
{
    if (rate < 0)
        m_methodFailRates.remove(method.toUpper());
    else
        m_methodFailRates.insert(method.toUpper(), qMin(rate, 1.0));
}

double SandboxFaults::failRate(const QByteArray &method) const
{
    return m_methodFailRates.value(method.toUpper(), m_settings.failRate);
}

SandboxFaults::Decision SandboxFaults::next(const QByteArray &method, bool update)
{
    // Always draw every number so a rate change does not shift later decisions.
    const double dropDraw = m_random.generateDouble();
    const double failDraw = m_random.generateDouble();
    double hard[6];
    for (double &draw : hard)
        draw = m_hardRandom.generateDouble();
    const FaultSettings &s = m_settings;
    const double failRate =
        isWrite(method) ? qMax(this->failRate(method), s.failWrites) : this->failRate(method);
    if (dropDraw < s.dropRate)
        return Decision::Drop;
    if (failDraw < failRate)
        return failDraw < failRate / 2 ? Decision::Fail500 : Decision::Fail503;
    if (hard[0] < s.stallBody)
        return Decision::StallBody;
    if (hard[1] < s.oversizeBody)
        return Decision::OversizeBody;
    if (!isWrite(method))
        return Decision::Answer;
    if (hard[2] < s.applyThenDrop)
        return Decision::ApplyThenDrop;
    if (hard[3] < s.applyThen5xx)
        return hard[3] < s.applyThen5xx / 2 ? Decision::ApplyThen500 : Decision::ApplyThen503;
    if (update && hard[4] < s.ignoreWrite)
        return Decision::IgnoreWrite;
    if (s.delayApplyMs > 0 && hard[5] < s.delayApplyRate)
        return Decision::DelayApply;
    return Decision::Answer;
}
