"""Where the graph lives: the embedded Oxigraph store (``malgraf.graph``) or a SPARQL 1.1 server
(``endpoint``), which malgraf reads with the SPARQL protocol and writes with the Graph Store Protocol."""
