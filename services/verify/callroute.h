#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QVector>

// The route of one test call, as verify compares it (docs/VERIFY.md): each target the call
// tries in turn with what it is dialled with, and what happens when every one of them failed.
// Built twice: from the trunk's settings (ExpectedRoute) and from the TwiML the deployed
// handler answers (HandlerProbe); RouteComparison says how they differ.

// A SIP URI as the PBX receives it: sip:<user>@<host[:port]>;<parameters>?<headers>. Names are
// compared without case, values %-decoded.
struct SipTarget
{
    QString user;
    QString hostPort; // lower case
    QList<QPair<QString, QString>> parameters;
    QList<QPair<QString, QString>> headers;

    // Nullopt-like: an empty hostPort when `uri` is not a sip:/sips: URI.
    static SipTarget parse(const QString &uri);
    // host[:port];name=value... (parameters sorted): what two targets are compared by.
    QString address() const;
    QString parameterText() const;
    QString headerText() const;
    QString value(const QString &name) const; // a parameter's value, "" when absent
    bool has(const QString &name) const;
};

// One <Dial>: the attributes that shape the call and the target it dials.
struct DialAttempt
{
    QString noun; // Sip | Number
    SipTarget sip;
    QString number; // for <Number>
    QString callerId;
    QString timeout;
    QString timeLimit;
    QString record; // empty: not recorded
    QString trim;
    bool answerOnBridge = false;
    bool referUrl = false;
    QString action;   // resolved against the document's URL; empty when none
    int priority = 0; // expected routes only: the target's priority group
};

// What a TwiML document (or the last one of a call) ends with besides a <Dial>.
struct CallEnd
{
    enum class Kind { None, Redirect, Reject, Message, Hangup, Error };
    Kind kind = Kind::None;
    QString detail; // Redirect: "POST https://…"; Reject: the reason; Error: what went wrong

    QString text() const;
    bool operator==(const CallEnd &o) const { return kind == o.kind && detail == o.detail; }
    Q_DECLARE_TR_FUNCTIONS(CallEnd)
};

struct CallRoute
{
    QVector<DialAttempt> attempts; // in the order they are tried
    CallEnd exhausted;             // after every target failed (503)
    CallEnd onBusy;                // when the first target answers 486 Busy Here
    bool unreachable = false;      // a request got no answer at all (not checked, not wrong)
};

Q_DECLARE_METATYPE(CallRoute)
