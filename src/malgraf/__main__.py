from malgraf.cli import main

main()
