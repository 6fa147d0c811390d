// The sandbox's `Twilio` global for the Functions it runs (FunctionRuntime, in QJSEngine):
// Twilio.twiml.VoiceResponse with the verbs and nouns TwiML voice handlers use, written out
// exactly as the twilio npm package does (its TwiML class over xmlbuilder: attributes in the
// order given, null and undefined ones left out, arrays joined by spaces, xmlbuilder's
// escaping, <Verb/> when empty, an illegal XML character in text throws). tests/handlers runs
// every handler test case through both and compares the XML byte for byte.
(function (global) {
    'use strict';

    // XML 1.0's illegal characters, as xmlbuilder's assertLegalChar tests for them.
    var ILLEGAL = /[\0-\x08\x0B\f\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

    function textEscape(text) {
        return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
            .replace(/\r/g, '&#xD;');
    }

    function attEscape(text) {
        return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
            .replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
    }

    function legalText(value) {
        var text = textEscape('' + value || '');
        var match = text.match(ILLEGAL);
        if (match) {
            throw new Error('Invalid character in string: ' + text + ' at index ' + match.index);
        }
        return text;
    }

    // The twilio package's attValue: arrays joined by a space, then escaped (not checked).
    function attributeValue(value) {
        if (Array.isArray(value)) {
            value = value.join(' ');
        }
        return attEscape('' + value || '') || '';
    }

    function Element(name) {
        this.name = name;
        this.attributeNames = [];
        this.attributeValues = {};
        this.children = [];
    }

    Element.prototype.setAttributes = function (attributes) {
        if (attributes === null || typeof attributes !== 'object') {
            return;
        }
        for (var name in attributes) {
            if (!Object.prototype.hasOwnProperty.call(attributes, name)) {
                continue;
            }
            var value = attributes[name];
            if (typeof value === 'function') {
                value = value();
            }
            if (value === null || value === undefined) {
                continue;
            }
            if (this.attributeNames.indexOf(name) < 0) {
                this.attributeNames.push(name);
            }
            this.attributeValues[name] = attributeValue(value);
        }
    };

    // xmlbuilder's ele(name, attributes, text): a string in place of the attributes is the text.
    Element.prototype.add = function (name, attributes, text) {
        var child = new Element(name);
        if (attributes !== null && typeof attributes === 'object') {
            child.setAttributes(attributes);
        } else if (attributes !== null && attributes !== undefined && text === undefined) {
            text = attributes;
        }
        if (text !== null && text !== undefined) {
            child.children.push({ text: legalText(text) });
        }
        this.children.push(child);
        return child;
    };

    Element.prototype.render = function () {
        var out = '<' + this.name;
        for (var i = 0; i < this.attributeNames.length; i++) {
            var name = this.attributeNames[i];
            out += ' ' + name + '="' + this.attributeValues[name] + '"';
        }
        var empty = this.children.every(function (child) {
            return child.text !== undefined && child.text === '';
        });
        if (empty) {
            return out + '/>';
        }
        out += '>';
        for (var j = 0; j < this.children.length; j++) {
            var child = this.children[j];
            out += child.text !== undefined ? child.text : child.render();
        }
        return out + '</' + this.name + '>';
    };

    // A verb or noun object: `nouns` names the children it takes, each as a method.
    function Node(element, nouns) {
        this.element = element;
        var self = this;
        (nouns || []).forEach(function (noun) {
            self[noun.method] = function (attributes, text) {
                if (typeof attributes === 'string') {
                    text = attributes;
                    attributes = {};
                }
                return new Node(self.element.add(noun.tag, attributes, text), noun.nouns);
            };
        });
    }

    Node.prototype.addText = function (text) {
        this.element.children.push({ text: legalText(text) });
    };

    Node.prototype.addChild = function (tag, attributes) {
        return new Node(this.element.add(tag, attributes), []);
    };

    function noun(method, tag, nouns) {
        return { method: method, tag: tag || method.charAt(0).toUpperCase() + method.slice(1),
                 nouns: nouns || [] };
    }

    var DIAL_NOUNS = [noun('number'), noun('sip'), noun('client'), noun('conference'),
                      noun('queue')];
    var VOICE_VERBS = [noun('dial', 'Dial', DIAL_NOUNS), noun('say'), noun('play'),
                       noun('pause'), noun('hangup'), noun('reject'), noun('redirect'),
                       noun('record'), noun('gather', 'Gather', [noun('say'), noun('play'),
                                                                noun('pause')])];

    function VoiceResponse() {
        this.root = new Element('Response');
        Node.call(this, this.root, VOICE_VERBS);
    }

    VoiceResponse.prototype = Object.create(Node.prototype);

    VoiceResponse.prototype.toString = function () {
        return '<?xml version="1.0" encoding="UTF-8"?>' + this.root.render();
    };

    global.Twilio = { twiml: { VoiceResponse: VoiceResponse } };
})(this);
