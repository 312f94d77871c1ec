"""Reads a GraphML or GEXF file with networkx and prints what it read as JSON:
every node and edge with every attribute, as networkx typed it. Used by
test/unit/exportFormats.graphs.test.ts to check our exports with an outside reader.

usage: python3 nxRead.py graphml|gexf <file>
"""
import json
import sys

import networkx as nx

kind, path = sys.argv[1], sys.argv[2]
if kind == "graphml":
    g = nx.read_graphml(path, force_multigraph=True)
else:
    g = nx.read_gexf(path)
    if not g.is_multigraph():
        g = nx.MultiDiGraph(g)

nodes = {}
for n, d in g.nodes(data=True):
    nodes[n] = {k: v for k, v in d.items() if k != "viz"}
edges = []
for u, v, k, d in g.edges(keys=True, data=True):
    edges.append({"source": u, "target": v, "key": k, "data": d})
print(json.dumps({
    "directed": g.is_directed(),
    "multigraph": g.is_multigraph(),
    "graph": {k: v for k, v in g.graph.items() if isinstance(v, (str, int, float, bool))},
    "nodes": nodes,
    "edges": edges,
}, ensure_ascii=False))
