// Generates a Russian news-style corpus and its word-form oracle with Az.js
// (the OpenCorpora dictionary), independent of the Snowball and Hunspell
// readings seekd uses. Run by measure.sh; never used at run time.
//
//   node gen.js DICTS OUT_DIR DOCS SEED
//
// Writes OUT_DIR/corpus/dNNNN.txt (a title line, then 3 to 6 sentences whose
// words agree in case, number, gender and tense) and OUT_DIR/queries.tsv:
//   query <TAB> ids (any parse) <TAB> ids (most likely parse)
// OUT_DIR/queries2.tsv, the same for two-word queries, and
// OUT_DIR/places.tsv, the documents naming each place in any case:
//   place:NAME <TAB> ids
// A document is relevant to a query word when one of its words shares a
// lemma with it: "any" compares every parse Az.js gives, "top" only the most
// likely one of each word; to a two-word query when it is relevant to both
// words. Queries are inflected forms (never the lemma) of nouns, adjectives
// and verbs that occur in the corpus; the two words of a pair come from one
// document. A document names the places the generator put in it: Az.js's
// dictionary lacks most proper names and guesses their lemmas from their
// endings ("Армении" as "армение", "Астане" as "астан"), so lemmas cannot
// say which place a document names.
'use strict';
const fs = require('fs');
const path = require('path');
const Az = require('az');

const [dicts, out, ndocs, seedArg] = process.argv.slice(2);
let seed = Number(seedArg) || 1;
function rnd(n) {  // xorshift: the same corpus for the same seed
    seed ^= seed << 13; seed >>>= 0;
    seed ^= seed >>> 17;
    seed ^= seed << 5; seed >>>= 0;
    return seed % n;
}
const pick = (a) => a[rnd(a.length)];

// Regional-security news vocabulary, with words that share a Snowball stem
// but not a lemma (страна/странный, сталь/стать, мир/мирный...), so that
// precision is put to the test.
const NOUNS = `сессия безопасность совет министр президент переговоры соглашение граница учения
оборона делегация саммит договор организация страна союз государство армия войско
вопрос решение заявление встреча визит сотрудничество угроза терроризм экстремизм
контрабанда наркотик оружие техника самолёт вертолёт база контингент миссия операция
парламент правительство выборы закон санкция экономика торговля газ нефть энергетика
власть сила мир народ граница река долина город столица область регион район
сталь стать журналист агентство новость пресс-служба представитель эксперт генерал
полковник солдат офицер командование штаб центр система защита помощь поддержка
конфликт война перемирие беженец мигрант граждане население лидер глава посол
ассамблея комитет комиссия программа проект бюджет кредит инвестиция рынок
безопасный стран`.split(/\s+/).filter(Boolean);
const ADJS = `коллективный военный международный региональный национальный совместный
пограничный мирный странный сильный оборонный союзный народный президентский
российский казахстанский таджикский киргизский армянский белорусский афганский
новый важный главный крупный последний ближайший исторический политический
экономический энергетический внешний внутренний общий стратегический безопасный
властный ядерный современный официальный`.split(/\s+/).filter(Boolean);
const VERBS = `обсудить подписать провести заявить сообщить отметить подчеркнуть принять
укрепить обеспечить усилить рассмотреть утвердить поддержать осудить предложить
направить встретиться договориться начать завершить продолжить открыть закрыть
граничить стать остаться получить передать нарушить задержать уничтожить
пресечь выделить посетить прибыть`.split(/\s+/).filter(Boolean);
const PLACES = `Москва Минск Ереван Бишкек Душанбе Астана Алматы Россия Казахстан Таджикистан
Киргизия Армения Белоруссия Афганистан Узбекистан Китай Иран Турция`.split(/\s+/).filter(Boolean);
const PREPS = [['в', 'loct'], ['на', 'loct'], ['из', 'gent'], ['для', 'gent'], ['без', 'gent'],
               ['после', 'gent'], ['с', 'ablt'], ['над', 'ablt'], ['к', 'datv'], ['по', 'datv'],
               ['о', 'loct'], ['против', 'gent']];

function parse(word, pos) {
    const ps = Az.Morph(word).filter((p) => !pos || pos.includes(p.tag.POST));
    return ps.find((p) => p.normalize().word === word.toLowerCase().replace(/ё/g, 'е')) || ps[0];
}
function inflect(p, grams) {
    const r = p && p.inflect(grams);
    return r ? r.word : null;
}
function noun(word, kase, num) {
    const p = parse(word, ['NOUN']);
    if (!p) return null;
    const plural = p.tag.Pltm ? 'plur' : num;
    return { w: inflect(p, [kase, plural]) || inflect(p, [kase]) || word,
             gender: p.tag.masc ? 'masc' : p.tag.femn ? 'femn' : p.tag.neut ? 'neut' : null,
             num: plural, anim: p.tag.anim };
}
function adj(word, kase, n) {
    const p = parse(word, ['ADJF']);
    if (!p) return null;
    let grams = n.num === 'plur' ? [kase, 'plur'] : [kase, n.gender || 'masc'];
    if (kase === 'accs') grams.push(n.anim ? 'anim' : 'inan');
    return inflect(p, grams) || inflect(p, [kase, n.num]);
}
function np(kase) {
    const n = noun(pick(NOUNS), kase, rnd(3) ? 'sing' : 'plur');
    if (!n) return '';
    const a = rnd(2) ? adj(pick(ADJS), kase, n) : null;
    return (a ? a + ' ' : '') + n.w;
}
function verb(subj) {
    const p = parse(pick(VERBS), ['INFN']);
    if (!p) return null;
    const t = rnd(3);
    if (t === 0)
        return inflect(p, subj.num === 'plur' ? ['past', 'plur'] : ['past', subj.gender || 'masc']);
    if (t === 1)
        return inflect(p, ['futr', '3per', subj.num]) || inflect(p, ['pres', '3per', subj.num]);
    return inflect(p, ['past', 'plur']);
}
let placed = new Set();  // the places put in the document being written
function place(kase) {
    const name = pick(PLACES);
    placed.add(name);
    const p = parse(name, ['NOUN']);
    const w = inflect(p, [kase, 'sing']) || p.word;
    return w.charAt(0).toUpperCase() + w.slice(1);
}
function sentence() {
    const subjWord = pick(NOUNS), num = rnd(3) ? 'sing' : 'plur';
    const s = noun(subjWord, 'nomn', num);
    if (!s) return null;
    const a = rnd(2) ? adj(pick(ADJS), 'nomn', s) : null;
    const v = verb(s);
    if (!v) return null;
    const parts = [(a ? a + ' ' : '') + s.w, v, np('accs')];
    const [prep, kase] = pick(PREPS);
    parts.push(prep + ' ' + (rnd(3) ? np(kase) : place(kase)));
    if (rnd(2)) {
        const [p2, k2] = pick(PREPS);
        parts.push(p2 + ' ' + np(k2));
    }
    const text = parts.join(' ').replace(/\s+/g, ' ').trim();
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

const norm = (w) => w.toLowerCase().replace(/ё/g, 'е');
const lemmaCache = new Map();
function lemmas(word) {
    const w = norm(word);
    if (!lemmaCache.has(w)) {
        const ps = Az.Morph(w);
        const all = new Set(ps.map((p) => norm(p.normalize().word)));
        const top = new Set(ps.length ? [norm(ps[0].normalize().word)] : [w]);
        if (!all.size) all.add(w);
        lemmaCache.set(w, { all, top, parses: ps });
    }
    return lemmaCache.get(w);
}
const words = (text) => text.match(/[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*/g) || [];

Az.Morph.init(dicts, () => {
    fs.mkdirSync(path.join(out, 'corpus'), { recursive: true });
    const docs = [];
    for (let d = 0; d < Number(ndocs); d++) {
        const sents = [];
        placed = new Set();
        const n = 3 + rnd(4);
        while (sents.length < n) {
            const s = sentence();
            if (s) sents.push(s);
        }
        const id = 'd' + String(d).padStart(4, '0');
        const title = sents[0].replace(/\.$/, '');
        const text = title + '\n\n' + sents.slice(1).join(' ') + '\n';
        fs.writeFileSync(path.join(out, 'corpus', id + '.txt'), text);
        docs.push({ id, words: new Set(words(text).map(norm)), places: placed });
    }
    // Content words in inflected forms, each a query once.
    const forms = new Set();
    for (const d of docs)
        for (const w of d.words) forms.add(w);
    const candidates = [...forms].filter((w) => {
        const ps = lemmas(w).parses;
        if (!ps.length || w.length < 3) return false;
        const top = ps[0];
        return ['NOUN', 'ADJF', 'VERB', 'INFN'].includes(top.tag.POST) && !top.tag.Apro
            && norm(top.normalize().word) !== w;
    }).sort();
    const queries = [];
    const taken = new Set();
    while (queries.length < 300 && taken.size < candidates.length) {
        const q = pick(candidates);
        if (taken.has(q)) continue;
        taken.add(q);
        queries.push(q);
    }
    // Whether document d has a word sharing a lemma of `reading` with q.
    const has = (d, q, reading) => {
        const ql = lemmas(q)[reading];
        for (const w of d.words)
            if ([...lemmas(w)[reading]].some((l) => ql.has(l))) return true;
        return false;
    };
    const judge = (qs) => {
        const ids = (reading) => docs.filter((d) => qs.every((q) => has(d, q, reading)))
            .map((d) => d.id).join(',');
        return [qs.join(' '), ids('all'), ids('top')].join('\t');
    };
    fs.writeFileSync(path.join(out, 'queries.tsv'),
                     queries.map((q) => judge([q])).join('\n') + '\n');
    // Pairs: two query candidates of different lemmas from one document.
    const isCandidate = new Set(candidates);
    const pairs = [], pairTaken = new Set();
    for (let tries = 0; pairs.length < 150 && tries < 10000; tries++) {
        const ws = [...pick(docs).words].filter((w) => isCandidate.has(w));
        if (ws.length < 2) continue;
        const a = pick(ws), b = pick(ws);
        if ([...lemmas(a).all].some((l) => lemmas(b).all.has(l))) continue;
        const key = [a, b].sort().join(' ');
        if (pairTaken.has(key)) continue;
        pairTaken.add(key);
        pairs.push([a, b]);
    }
    fs.writeFileSync(path.join(out, 'queries2.tsv'), pairs.map(judge).join('\n') + '\n');
    const places = PLACES.map((name) => {
        const hit = docs.filter((d) => d.places.has(name));
        return 'place:' + name + '\t' + hit.map((d) => d.id).join(',');
    });
    fs.writeFileSync(path.join(out, 'places.tsv'), places.join('\n') + '\n');
    console.log(`${docs.length} documents, ${queries.length} queries, ${pairs.length} pairs in ${out}`);
});
