using KalshiDesk.Web.Hosting;

return await KalshiDeskHost.RunAsync(args);
