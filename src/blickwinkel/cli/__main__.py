from blickwinkel.cli.main import main

main()
