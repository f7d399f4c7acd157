"""Print each document with its gold mentions bracketed, for proofreading."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import DATA
D = DATA + '/'
tag = {"ORG": "O", "COUNTRY": "C", "MONEY": "M", "DATE": "D"}
for l in open(D + 'gold.jsonl', encoding='utf-8'):
    d = json.loads(l)
    if len(sys.argv) > 1 and d['doc_id'] != sys.argv[1]:
        continue
    t = open(D + d['doc_id'] + '.txt', encoding='utf-8').read()
    out, p = [], 0
    for m in d['mentions']:
        out.append(t[p:m['start']]); out.append('[' + m['text'] + ']' + tag[m['label']]); p = m['end']
    out.append(t[p:])
    print('=====', d['doc_id']); print(''.join(out))
