from ledger_app.cli.main import main

raise SystemExit(main())
